"""Execute notebooks headless, in their own directory; exit non-zero on the first cell error.

Usage: python scripts/run_notebooks.py NOTEBOOK...   (ENTENTE_OUT says which tables they read)
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

failed = 0
for arg in sys.argv[1:]:
    path = Path(arg).resolve()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
        print(f"{path.name}: ok")
    except CellExecutionError as e:
        failed += 1
        print(f"{path.name}: cell error\n{e}")
print(f"{len(sys.argv) - 1} notebooks executed, {failed} with a cell error")
sys.exit(1 if failed else 0)
