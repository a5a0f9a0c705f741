"""Adapter of the official WASI test suite's runner for `petrel run`.

The runner (../shared/wasi-testsuite/test-runner) loads this file and asks it for the command
line of each test. PETREL is the petrel binary (default: petrel on PATH); PETREL_RUN_OPTIONS
adds options to `petrel run`, e.g. "--aot" to run every test compiled.
"""
import os
import shlex
import subprocess
from pathlib import Path
from typing import Dict, List, Optional, Tuple

PETREL = os.getenv("PETREL", "petrel")
RUN_OPTIONS = shlex.split(os.getenv("PETREL_RUN_OPTIONS", ""))


def get_name() -> str:
    return "petrel"


def get_version() -> str:
    out = subprocess.run([PETREL, "--version"], encoding="UTF-8", capture_output=True, check=True)
    return out.stdout.split()[-1]  # "petrel X.Y.Z"


def get_wasi_versions() -> List[str]:
    return ["wasm32-wasip1"]


def get_wasi_worlds() -> List[str]:
    return ["wasi:cli/command"]


def compute_argv(test_path: str,
                 args_env_root: Tuple[List[str], Dict[str, str], Optional[Path]],
                 proposals: List[str],
                 wasi_world: str,
                 wasi_version: str) -> List[str]:
    args, env, root = args_env_root
    argv = [PETREL, "run", *RUN_OPTIONS]
    for name, value in env.items():
        argv += ["--env", f"{name}={value}"]
    if root:
        argv += ["--dir", f"/:{root}"]  # the test's folder is the guest's "/"
    return argv + [test_path, *args]
