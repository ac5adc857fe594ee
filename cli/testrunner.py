"""`ylua-test`: run a directory (or list) of Lua test scripts, each in a fresh `ylua` process.

A test passes when it exits 0 under every configuration (a named set of JIT environment variables), its stdout
and exit status agree across configurations and, with `--reference`, agree with another Lua interpreter.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from cli.testrun_discover import DiscoveryError, collect
from cli.testrun_exec import CONFIGS, REFERENCE, TestResult, config_env, judge, run_file, ylua_command
from cli.testrun_report import print_failures, print_summary, result_line, write_junit


class RunnerUsageError(click.ClickException):
    """A one-line `Error: ...` message (no usage text, no traceback), with click's usage-error status 2."""

    exit_code = 2


def parse_configs(values: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip()
            if not name:
                continue
            if name not in CONFIGS:
                raise RunnerUsageError(f"unknown config '{name}' (valid: {', '.join(CONFIGS)})")
            if name not in names:
                names.append(name)
    if not names:
        raise RunnerUsageError(f"--config needs at least one name (valid: {', '.join(CONFIGS)})")
    return names


def resolve_reference(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        what = "is not an executable file" if os.path.exists(name) else "not found"
        raise RunnerUsageError(f"reference interpreter '{name}' {what}")
    return os.path.abspath(found)


def run_tests(tests: list[str], skipped: list[str], configs: list[str], reference: str | None, timeout: float,
              jobs: int, console: Console, show_progress: bool, verbose: bool) -> list[TestResult]:
    """Run every (file, config) pair, and the reference, in a thread pool; results in discovery order."""
    results = {p: TestResult(p) for p in tests}
    envs = {name: config_env(name) for name in configs}
    labels = list(configs) + ([REFERENCE] if reference else [])
    pending_per_file = {p: len(labels) for p in tests}
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ylua-test[/] {task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True,
                        disable=not show_progress)
    bad = 0
    with progress, ThreadPoolExecutor(max_workers=jobs) as pool:
        task = progress.add_task("", total=len(tests))
        futures = {}
        for path in tests:
            for label in labels:
                if label == REFERENCE:
                    fut = pool.submit(run_file, path, label, [reference], None, timeout)
                else:
                    fut = pool.submit(run_file, path, label, ylua_command(), envs[label], timeout)
                futures[fut] = path
        try:
            not_done = set(futures)
            while not_done:
                done, not_done = wait(not_done, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = futures[fut]
                    run = fut.result()
                    result = results[path]
                    result.runs[run.label] = run
                    pending_per_file[path] -= 1
                    if pending_per_file[path] == 0:
                        judge(result, configs, timeout, reference is not None)
                        bad += result.status != "passed"
                        progress.update(task, advance=1, description=f"[red]{bad} failing[/]" if bad else "")
                        if verbose:
                            progress.console.print(result_line(result))
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    out = [results[p] for p in tests]
    out.extend(TestResult(p, skipped=True) for p in skipped)
    if verbose:
        for r in out[len(tests):]:
            console.print(result_line(r))
    return out


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, metavar="DIR-OR-FILES...")
@click.option("--config", "config_values", multiple=True, default=("interp",), show_default=True,
              metavar="NAME[,NAME...]", help=f"Environment configurations to run each test under: {', '.join(CONFIGS)}"
              " (comma-separated or repeated).")
@click.option("--reference", metavar="LUA", help="Also run each test with this interpreter (e.g. lua5.4) "
              "and fail on any difference in stdout or exit status.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60, show_default=True,
              metavar="SECONDS", help="Per-file, per-config time limit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Parallel processes (default: the number of CPUs).")
@click.option("--junit-xml", "junit_xml", type=click.Path(dir_okay=False, writable=True), metavar="PATH",
              help="Write a JUnit XML report here.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Print each file's outcome as it finishes.")
def cli(paths, config_values, reference, timeout, jobs, junit_xml, quiet, verbose):
    """Run Lua test scripts with ylua, each in a fresh process in its own directory.

    DIR-OR-FILES are directories (searched recursively for *.lua, except *_helper.lua and helpers/
    directories), Lua files, or list files (*.txt, *.list: one path per line relative to the list file,
    '#' comments, a leading '-' skips that test).
    """
    configs = parse_configs(config_values)
    ref_exe = resolve_reference(reference) if reference else None
    if junit_xml and not os.path.isdir(os.path.dirname(os.path.abspath(junit_xml))):
        raise RunnerUsageError(f"cannot write {junit_xml}: no such directory")
    try:
        selection = collect(list(paths))
    except DiscoveryError as e:
        raise RunnerUsageError(str(e)) from None
    console = Console(highlight=False)
    if not selection.tests and not selection.skipped:
        click.echo("ylua-test: no tests found", err=True)
    start = time.monotonic()
    try:
        results = run_tests(selection.tests, selection.skipped, configs, ref_exe, timeout,
                            jobs or os.cpu_count() or 1, console, console.is_terminal and not quiet, verbose)
    except KeyboardInterrupt:
        click.echo("ylua-test: interrupted", err=True)
        sys.exit(130)
    wall = time.monotonic() - start
    print_failures(console, results)
    print_summary(console, results, wall, configs, reference)
    if junit_xml:
        try:
            write_junit(junit_xml, results, wall, configs)
        except OSError as e:
            raise click.ClickException(f"cannot write {junit_xml}: {e.strerror or e}") from None
    sys.exit(1 if any(r.status in ("failed", "timeout") for r in results) else 0)


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="ylua-test")


if __name__ == "__main__":
    main()
