#!/usr/bin/python3
"""Runs the official WASI preview1 test suite on `petrel run` with the suite's own runner.

Usage: run.py PETREL [--suite DIR] [--expectations FILE] [--log FILE] [-- RUN_OPTIONS...]

The suite (default: ../shared/wasi-testsuite next to the repository) is copied to a temporary
folder first, because its runner writes into the test folders. RUN_OPTIONS go to every
`petrel run` (e.g. --aot). expectations.toml is the tracked list of tests known to fail, each
with its reason: they still run, count as skipped, and one that passes fails this run (so the
list cannot go stale). Prints one line per failure and ends with `N passed, N failed, N skipped`;
exits 1 when any test failed or the runner did not report every test.

With --aot every test is compiled first (`petrel compile`, in parallel), replacing the copy's
NAME.wasm with the universal wasm, so that the runner's per-test time limit (the suite's 5 s)
measures the run, not LLVM; `petrel run --aot` then runs the embedded native code.
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = ["tests/c/testsuite/wasm32-wasip1", "tests/rust/testsuite/wasm32-wasip1",
          "tests/assemblyscript/testsuite/wasm32-wasip1"]


def known_failures(path: Path) -> dict[str, str]:
    """{suite name/test name: reason} from the expectations file."""
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return {f"{s['name']}/{t['name']}": t.get("reason", "(no reason given)")
            for s in data.get("suite", []) for t in s.get("test", [])}


def compile_all(petrel: Path, wasms: list[Path]) -> list[str]:
    """Compiles each module in place; returns the errors."""
    def compile_one(wasm: Path) -> str:
        out = wasm.with_suffix(".compiled.wasm")
        r = subprocess.run([str(petrel), "compile", str(wasm), "-o", str(out)], capture_output=True, text=True)
        if r.returncode != 0:
            return f"{wasm.name}: petrel compile failed: {r.stderr.strip()}"
        out.replace(wasm)
        return ""
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return [e for e in pool.map(compile_one, wasms) if e]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("petrel", type=Path)
    parser.add_argument("--suite", type=Path, default=HERE.parents[2] / "shared" / "wasi-testsuite")
    parser.add_argument("--expectations", type=Path, default=HERE / "expectations.toml")
    parser.add_argument("--log", type=Path, help="where the runner's own output goes (default: discarded)")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.run_options = argv[cut + 1:]  # for every `petrel run`

    if not (args.suite / "test-runner" / "wasi_test_runner.py").is_file():
        print(f"run.py: no WASI test suite at {args.suite} (give --suite DIR)", file=sys.stderr)
        return 1
    known = known_failures(args.expectations)
    with tempfile.TemporaryDirectory(prefix="petrel-wasi-suite-") as tmp:
        suite = Path(tmp) / "suite"
        shutil.copytree(args.suite, suite, symlinks=True)
        wasms = [w for s in SUITES for w in sorted((suite / s).glob("*.wasm"))]
        expected_tests = len(wasms)
        if "--aot" in args.run_options:
            for error in compile_all(args.petrel, wasms):
                print(f"FAILED: {error}")  # the test then compiles in its run, and likely times out
        report = Path(tmp) / "report.json"
        env = dict(os.environ, PETREL=str(args.petrel.resolve()), PETREL_RUN_OPTIONS=shlex.join(args.run_options))
        with open(args.log or os.devnull, "w", encoding="UTF-8") as log:
            subprocess.run([sys.executable, "test-runner/wasi_test_runner.py", "--disable-colors",
                            "-r", str(HERE / "petrel_adapter.py"), "-e", str(args.expectations),
                            "--json-output-location", str(report), "-t", *SUITES],
                           cwd=suite, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
        if not report.is_file():
            print("run.py: the suite's runner wrote no report" + (f" (see {args.log})" if args.log else ""))
            print(f"0 passed, {expected_tests} failed, 0 skipped")
            return 1
        results = json.loads(report.read_text(encoding="UTF-8"))["results"]

    passed = failed = skipped = 0
    for s in results:
        for t in s["tests"]:
            key = f"{s['name']}/{t['name']}"
            outcome = t["outcome"]
            if outcome == "pass":
                passed += 1
            elif outcome == "xfail":
                skipped += 1
                print(f"skipped: {key}: {known.get(key, '')}")
            elif outcome == "xpass":
                failed += 1
                print(f"FAILED: {key}: passes now; remove it from {args.expectations.name}")
            elif outcome == "skip":
                skipped += 1
                print(f"skipped: {key}: {known.get(key, 'skipped by the runner')}")
            else:
                failed += 1
                why = "; ".join(m.strip().splitlines()[0] for m in t["failures"] if m.strip())
                print(f"FAILED: {key}: {why or outcome}")
    missing = expected_tests - (passed + failed + skipped)
    if missing > 0:
        print(f"FAILED: the runner reported {missing} fewer tests than the suite holds ({expected_tests})")
        failed += missing
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
