"""The small exception hierarchy: what failed decides what the user is told and what the run does."""


class KocurateError(Exception):
    """Base class: the CLI prints these as one clear message, without a traceback."""


class ManifestError(KocurateError):
    """A manifest is invalid; raised before Spark starts, naming the file, the key and the allowed values."""


class InputError(KocurateError):
    """Input is missing or unusable as a whole (no files match, error rate over the manifest's limit)."""


class InvariantError(KocurateError):
    """A stage's outputs break a provenance invariant; carries the offending document ids."""


class EnvironmentSetupError(KocurateError):
    """The machine lacks something the run needs (no Java found and no bundled JDK)."""
