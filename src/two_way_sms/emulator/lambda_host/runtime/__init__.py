"""LAMBDA_RUNTIME_DIR of functions run by the host executor: `bootstrap.py` runs inside them.

Only `bootstrap.py` belongs here: this folder is the first entry of a function process's
sys.path until the bootstrap replaces it, so any other module here could shadow the function's.
"""
