"""HTTP listener that networked terminals report to (FastAPI on uvicorn)."""
