"""A short hand-written interrogation (fictional people and events) and its facts file."""

TRANSCRIPT = """Interview of: Jody Marsh
Reporting Officers: Det. Rosa Vance
Sgt. Owen Pike

VANCE: Jody, we are going to talk about last Friday. Tell us what happened.
MARSH: I was home all night. I didn't see anything.
PIKE: We already know you were at the boathouse. Be honest with us.
MARSH: OK. I was at the boathouse with Carl.
VANCE: What happened to the man on the dock?
MARSH: Somebody hit him.
PIKE: What else? We know something happened with the rope.
MARSH: He fell in the water.
VANCE: Was he tied up with a rope?
MARSH: Yeah.
PIKE: And after that, what did you do?
MARSH: I threw my phone in the lake so nobody would call.
"""

FACTS = """
- id: tied_with_rope
  statement: The man was tied up with a rope.
  public: false
  true: true
  cues: ["tied | tie + rope"]
  hints: ["rope"]
- id: phone_in_lake
  statement: The phone was thrown in the lake.
  public: false
  true: null
  cues: ["phone + lake"]
- id: stabbed
  statement: The man was stabbed.
  public: true
  public_since: 2025-06-02
  true: false
  cues: ["stabbed | stab | knife"]
"""

SPEAKERS = """speakers:
- name: Rosa Vance
  role: interrogator
  spellings: [VANCE]
- name: Owen Pike
  role: interrogator
  spellings: [PIKE]
- name: Jody Marsh
  role: suspect
  spellings: [MARSH]
"""

# Marsh given the wrong role: with this map the rope is no longer the suspect's to adopt.
WRONG_SPEAKERS = SPEAKERS.replace("  role: suspect", "  role: other").replace(
    "- name: Owen Pike\n  role: interrogator", "- name: Owen Pike\n  role: suspect"
)

# The same interview as captions (WebVTT, with and without voice tags) and as a court reporter's Q./A.
WEBVTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
VANCE: What happened to the man on the dock?

00:00:05.000 --> 00:00:07.000
MARSH: Somebody hit him.

00:00:08.000 --> 00:00:10.000
<v VANCE>Was he tied up with a rope?

00:00:11.000 --> 00:00:12.000
<v MARSH>Yeah.
"""

QA = """Q. What happened to the man on the dock?
A. Somebody hit him.
Q. Was he tied up with a rope?
A. Yeah.
Q. What did you do with your phone?
A. I threw my phone in the lake.
"""

QA_SPEAKERS = """speakers:
- {name: Examining detective, role: interrogator, spellings: [Q]}
- {name: Jody Marsh, role: suspect, spellings: [A]}
"""
