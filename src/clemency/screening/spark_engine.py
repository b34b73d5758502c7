"""Screen a Spark DataFrame of validated facts: the same columns as the Polars engine.

Outcomes are strings, criteria records are 64-bit integers, dates are dates; `rank` comes from a window over
the whole frame (one ordering, as on one machine). Input order is kept with
`monotonically_increasing_id`, which increases with the input's partition order.
"""

from __future__ import annotations

from typing import Any

from pyspark.sql import Column, DataFrame, SparkSession, Window
from pyspark.sql import functions as F  # noqa: N812 - the PySpark convention
from pyspark.sql import types as T  # noqa: N812

from clemency.law import FACTS
from clemency.law.bounds import effective_criterion_node, effective_eligible_from
from clemency.screening.plan import OUTCOME_CODE, OUTCOMES, ScreenPlan, column
from clemency.screening.schema import PERSON_ID
from clemency.screening.spark_compiler import SparkCompiler, literal

_SPARK_TYPES: dict[str, T.DataType] = {
    "date": T.DateType(),
    "int": T.LongType(),
    "bool": T.BooleanType(),
    "enum": T.StringType(),
    "list": T.ArrayType(T.StringType(), containsNull=False),
}


def spark_schema() -> T.StructType:
    fields = [T.StructField(PERSON_ID, T.StringType(), nullable=False)]
    fields += [T.StructField(name, _SPARK_TYPES[spec.type], nullable=True) for name, spec in FACTS.items()]
    return T.StructType(fields)


def quoted(name: str) -> Column:
    return F.col(f"`{name}`")


def facts_dataframe(spark: SparkSession, rows: list[dict[str, Any]]) -> DataFrame:
    """A Spark frame of facts rows (validated mappings) in the screening schema."""
    schema = spark_schema()
    names = schema.fieldNames()
    data = [tuple(_plain(row.get(name)) for name in names) for row in rows]
    return spark.createDataFrame(data, schema=schema)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _outcome_name(code: Column) -> Column:
    out = F.when(code == 0, F.lit(OUTCOMES[0]))
    for index, name in enumerate(OUTCOMES[1:], start=1):
        out = out.when(code == index, F.lit(name))
    return out


def screen_spark(facts: DataFrame, screen: ScreenPlan) -> DataFrame:
    """Every result column of the plan, `rank` included, for a frame of validated facts."""
    compiler = SparkCompiler(screen.as_of)
    as_of = literal(screen.as_of)
    staged: dict[str, Column] = {"__order": F.monotonically_increasing_id()}
    for p, plan in enumerate(screen.pathways):
        pathway = plan.pathway
        for i, criterion in enumerate(pathway.criteria):
            staged[f"__c{p}_{i}"] = compiler.compile(effective_criterion_node(criterion)).cast("boolean")
        eligible_from = effective_eligible_from(pathway)
        if eligible_from is not None:
            staged[f"__from{p}"] = compiler.compile(eligible_from).cast("date")
        for k, deadline in enumerate(pathway.deadlines):
            staged[f"__d{p}_{k}"] = compiler.compile(deadline.node).cast("date")
    frame = facts.withColumns(staged)

    records: dict[str, Column] = {}
    for p, plan in enumerate(screen.pathways):
        record: Column = F.lit(0).cast("bigint")
        for i in range(len(plan.criterion_ids)):
            value = F.col(f"__c{p}_{i}")
            bit = F.when(value.isNull(), F.lit(1 << (plan.mask_bits + i)).cast("bigint")).when(
                value, F.lit(0).cast("bigint")).otherwise(F.lit(1 << i).cast("bigint"))
            record = record + bit  # distinct bits, so the sum is the bitwise or
        records[column(plan.id, "criteria")] = record
    frame = frame.withColumns(records)

    codes: dict[str, Column] = {}
    for p, plan in enumerate(screen.pathways):
        record = quoted(column(plan.id, "criteria"))
        failed = F.pmod(record, F.lit(1 << plan.mask_bits).cast("bigint"))
        code = F.when(failed != 0, F.lit(OUTCOME_CODE["INELIGIBLE"])).when(
            record != 0, F.lit(OUTCOME_CODE["NEEDS_REVIEW"]))
        if plan.pathway.eligible_from is not None:
            date = F.col(f"__from{p}")
            code = code.when(date.isNull(), F.lit(OUTCOME_CODE["NEEDS_REVIEW"])).when(
                date > as_of, F.lit(OUTCOME_CODE["NOT_YET"]))
        codes[f"__code{p}"] = code.otherwise(F.lit(OUTCOME_CODE["ELIGIBLE"]))
    frame = frame.withColumns(codes)
    return _results(frame, screen)


def _results(frame: DataFrame, screen: ScreenPlan) -> DataFrame:
    as_of = literal(screen.as_of)
    out: list[Column] = [F.col(PERSON_ID)]
    deadlines: list[tuple[str, Column]] = []
    for p, plan in enumerate(screen.pathways):
        code = F.col(f"__code{p}")
        out.append(_outcome_name(code).alias(column(plan.id, "outcome")))
        if plan.pathway.eligible_from is not None:
            shown = F.when(code <= OUTCOME_CODE["NOT_YET"], F.col(f"__from{p}"))
            out.append(shown.alias(column(plan.id, "eligible_from")))
        out.append(quoted(column(plan.id, "criteria")).alias(column(plan.id, "criteria")))
        for k, deadline_id in enumerate(plan.deadline_ids()):
            date = F.col(f"__d{p}_{k}")
            live = (code != OUTCOME_CODE["INELIGIBLE"]) & (date >= as_of)
            deadlines.append((deadline_id, F.when(live, date)))
    execution = F.col("execution_date")
    out.append(F.when(execution >= as_of, execution).alias("next_execution_date"))
    if deadlines:
        # least() skips nulls, which is what "the earliest known deadline" means.
        earliest = F.least(*(d for _, d in deadlines)) if len(deadlines) > 1 else deadlines[0][1]
        which = F.lit(None).cast("string")
        for deadline_id, date in reversed(deadlines):
            which = F.when(date == earliest, F.lit(deadline_id)).otherwise(which)
        out += [earliest.alias("earliest_deadline"), which.alias("earliest_deadline_id")]
    else:
        out += [F.lit(None).cast("date").alias("earliest_deadline"),
                F.lit(None).cast("string").alias("earliest_deadline_id")]
    relief = [F.col(f"__code{p}") for p, plan in enumerate(screen.pathways) if plan.is_relief]
    best = (F.least(*relief) if len(relief) > 1 else relief[0]) if relief else F.lit(None).cast("int")
    release = F.col("release_date")
    end = F.when(release.isNotNull() & (release <= as_of), release).otherwise(as_of)
    served = F.datediff(end, F.col("custody_start_date"))
    out += [_outcome_name(best).alias("best_outcome"), best.alias("__best"),
            F.when(served > 0, served).otherwise(F.when(served.isNotNull(), F.lit(0))).cast("int").alias(
                "days_in_custody"),
            F.col("__order")]
    result = frame.select(out)
    order = Window.orderBy(
        F.col("next_execution_date").asc_nulls_last(), F.col("earliest_deadline").asc_nulls_last(),
        F.col("__best").asc_nulls_last(), F.col("days_in_custody").desc_nulls_last(), F.col("__order").asc(),
    )
    return result.withColumn("rank", F.row_number().over(order)).drop("__best", "__order")


def local_session(master: str = "local[2]", app_name: str = "clemency-screen") -> SparkSession:
    """A small Spark session (local by default; pass a cluster's master URL to distribute)."""
    return (
        SparkSession.builder.master(master).appName(app_name)
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )

