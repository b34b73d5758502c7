"""Short hand-written transcripts (fictional people) for the markers and the traps."""

HEADER = "Interview of: Sam Reyes\nReporting Officers: Det. Ann Morrow\nDet. Luis Kale\n"

FACTS = """
- id: shot_in_head
  statement: The victim was shot in the head.
  public: false
  true: true
  cues: ["shot | shoot + head"]
  exclusions: ["shakes head", "head home"]
  hints: ["head"]
- id: hood_raised
  statement: The hood of the car was raised.
  public: false
  true: true
  cues: ["raise | raised | up | open | opened + hood"]
  exclusions: ["his hood"]
- id: knife_in_drawer
  statement: The knife was put in the kitchen drawer.
  public: false
  true: true
  cues: ["knife + drawer"]
- id: clothes_burned
  statement: Her clothes were burned.
  public: false
  true: null
  cues: ["burn | burned + clothes"]
  hints: ["clothes"]
- id: car_in_garage
  statement: Her car was in the garage.
  public: false
  true: null
  cues: ["her car + garage"]
- id: hanged
  statement: She was hanged from the rafters.
  public: false
  true: null
  cues: ["hanging | hanged + rafters"]
- id: handcuffed
  statement: She was handcuffed to the bed.
  public: false
  true: false
  cues: ["handcuffed"]
- id: stabbed
  statement: She was stabbed.
  public: true
  public_since: 2024-01-05
  true: null
  cues: ["stabbed | stab"]
"""

HEAD = (
    HEADER
    + """MORROW: Sam, before we start, do you want water? (Sam shakes head "no")
SAM: No. I just want to head home soon.
KALE: What happened that night?
SAM: We argued and she fell.
MORROW: What else did he do to her? We already know. Something with the head.
SAM: He pulled her hair.
KALE: Be honest. What else?
SAM: He hit her.
MORROW: What else? Tell us the truth.
SAM: I don't know.
MORROW: Who shot her in the head?
SAM: He did.
KALE: Where did he shoot her?
SAM: In the head.
"""
)

HOOD = (
    HEADER
    + """KALE: What was he wearing?
SAM: A black sweatshirt, he had his hood up.
MORROW: Did he open the hood of the car?
SAM: Yeah.
KALE: He raised the hood, right? (Sam nods "yes") OK.
"""
)

SUSPECT_FIRST = (
    HEADER
    + """KALE: What did you see?
SAM: He stabbed her.
MORROW: What did he do with the knife?
SAM: Put it in the drawer.
KALE: Think about her clothes.
SAM: OK.
MORROW: What happened next?
SAM: He burned the clothes in the barrel.
KALE: Whose car was out there?
SAM: The Ford.
MORROW: Don't lie to us. Think again.
SAM: Her car was in the garage.
KALE: Was she hanging from the rafters?
SAM: (shakes head "no") No.
MORROW: Where was she?
SAM: She was handcuffed to the bed.
KALE: Did you shoot her in the head?
SAM: I didn't shoot her in the head.
"""
)

TACTICS = (
    HEADER
    + """MORROW: It's gonna help you if you talk. Be honest with us.
KALE: We already know what happened.
MORROW: It's not your fault, he made you do it.
KALE: If you lie to us that's gonna be problems.
MORROW: Where did he put the gun?
SAM: I don't know.
MORROW: Come on. Where did he put the gun?
SAM: Maybe in the truck, I think.
KALE: Don't lie to us.
MORROW: Tell us what happened next.
SAM: We left.
KALE: Was it a rifle or a handgun?
SAM: A rifle.
MORROW: He had the gun, right?
SAM: Yeah.
KALE: Did he have a knife?
SAM: No.
MORROW: Who shot her in the head?
SAM: He did.
"""
)
