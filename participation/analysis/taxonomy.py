"""Themes as the tagger sees them: a key, a name, and the words young people use for them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ThemeSpec:
    """One theme: its key, its name, its keywords and phrases, and example comments."""

    key: str
    name: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    """The themes a council uses, in order. Archived themes are simply left out."""

    themes: tuple[ThemeSpec, ...] = field(default_factory=tuple)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.themes)


#: Words and phrases in young people's own language for the five default outcomes.
DEFAULT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "involve-me": (
        "listen", "listens", "listened", "listening", "listen to me", "have a say", "my say", "say in", "my views",
        "my opinion", "asked me", "ask me", "asked what i", "decisions", "decide", "decided", "cicc",
        "children in care council", "care leavers council", "advocate", "advocacy", "independent visitor", "iro",
        "independent-reviewing-officer", "my review", "reviews", "lac review", "social-worker", "social worker",
        "my worker", "changes of social worker", "new social worker", "confidential", "confidentiality", "honest",
        "honesty", "judge", "judged", "patronise", "patronising", "respect", "taken seriously", "involved", "consulted",
        "heard", "ignored", "ignore", "rings me back", "call me back", "explain", "explained", "told me",
        "nobody tells me", "my plan", "care plan", "complain", "complaint", "voice",
        "take me seriously", "seriously", "my say", "get a say", "speak up", "kept informed", "keep me informed",
        "tell me why", "nobody said why", "the truth", "lied to", "trust", "reviewing officer", "social workers",
        "sw", "my business", "privacy", "private", "without asking", "permission", "youth council",
        "corporate parenting", "councillors", "make things better", "forgets", "cancelled", "always late",
    ),
    "safe-home": (
        "foster", "foster carer", "foster carers", "foster mum", "foster dad", "foster family", "carer", "carers",
        "placement", "placements", "children's home", "childrens home", "residential", "key worker", "home",
        "where i live", "live with", "living with", "moving", "moved", "move again", "moving again", "moves",
        "my room", "house", "safe", "feel safe", "unsafe", "settled", "stable", "family", "my mum", "my dad",
        "brother", "brothers", "sister", "sisters", "siblings", "nan", "gran", "contact", "see my", "seeing my",
        "visit", "visits", "friends", "community", "area", "near my", "kinship", "adopted", "adoption",
        "staying put", "bedtime", "rules",
    ),
    "healthy": (
        "health", "healthy", "doctor", "gp", "dentist", "optician", "nurse", "hospital", "health assessment",
        "mental health", "camhs", "counselling", "counsellor", "therapy", "therapist", "anxiety", "anxious",
        "depressed", "depression", "low", "sad", "stress", "stressed", "worry", "worried", "sleep", "sleeping",
        "eat", "eating", "food", "diet", "exercise", "sport", "sports", "football", "gym", "swimming", "leisure",
        "leisure pass", "fit", "fitness", "drugs", "alcohol", "drinking", "smoking", "vape", "vaping",
        "sexual health", "contraception", "pregnant", "medication", "medicine", "emotional", "feelings", "wellbeing",
        "self care", "ill", "poorly",
        "panic", "panic attack", "panic attacks", "feel down", "feeling down", "lonely", "loneliness", "mood",
        "anger", "angry", "how i feel", "talk to someone", "running", "cycling", "boxing", "walking", "appointment",
        "appointments", "teeth", "glasses", "asthma", "adhd", "autism", "disability", "periods", "weight",
        "nightmares", "calm",
    ),
    "achieve": (
        "school", "schools", "college", "exam", "exams", "gcse", "gcses", "a levels", "a-levels", "btec", "homework",
        "teacher", "teachers", "lessons", "class", "classes", "maths", "english", "science", "grades", "results",
        "attendance", "pep", "personal education plan", "virtual school", "tutor", "tutoring", "learn", "learning",
        "study", "studying", "education", "hobby", "hobbies", "club", "clubs", "music", "drama", "art", "dance",
        "achieve", "achieving", "dream", "career", "nursery", "reading", "detention", "excluded", "exclusion",
        "bullied at school", "sixth form", "course",
    ),
    "adult-life": (
        "leaving care", "left care", "care leaver", "care leavers", "turning 18", "turn 18", "when i'm 18",
        "18th", "pa", "personal adviser", "personal advisor", "pathway plan", "housing", "flat", "my flat",
        "tenancy", "rent", "bills", "council tax", "money", "benefits", "universal credit", "budget",
        "budgeting", "allowance", "setting up home", "grant", "bursary", "job", "jobs", "work", "working",
        "apprenticeship", "apprenticeships", "traineeship", "work experience", "employment", "cv", "interview",
        "uni", "university", "independent", "independence", "cooking", "cook", "shopping", "on my own",
        "supported accommodation", "supported lodgings", "hostel", "bus pass", "driving lessons", "neet",
        "adult", "adults services", "afford",
        "independently", "living alone", "live alone", "my own place", "bank account", "id card", "passport",
        "national insurance", "staying close", "move on", "moving on",
    ),
}
