"""The project's own evaluation: a database's analyst views against a gold file.

For users who adapt the extractor to their documents: ``etl evaluate`` loads
documents into a throwaway database (or reads a given one), compares what the
views say with a gold file and reports precision, recall and F1 per fact kind,
with the missed and spurious facts of each document. The gold format is the
evaluation corpus's (``persons``, ``meetings`` with their outcomes,
``statements`` by document)."""

from etl.evaluate.figures import Evaluation
from etl.evaluate.gold import Gold, GoldError, load_gold
from etl.evaluate.predicted import Predicted, read_predicted
from etl.evaluate.scoring import evaluate

__all__ = [
    "Evaluation",
    "Gold",
    "GoldError",
    "Predicted",
    "evaluate",
    "load_gold",
    "read_predicted",
]
