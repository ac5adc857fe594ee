"""What `ylua-test` prints after a run (failures, summary table) and its JUnit XML report."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.testrun_exec import TestResult

# Characters XML 1.0 cannot hold (stderr may contain terminal escapes or NULs).
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

STATUS_STYLE = {"passed": "green", "failed": "red", "timeout": "yellow", "skipped": "dim"}
STATUS_WORD = {"passed": "PASS", "failed": "FAIL", "timeout": "TIMEOUT", "skipped": "SKIP"}


def display_path(path: str) -> str:
    """Relative to the working directory when that is shorter, as the user most likely typed it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if len(rel) < len(path) else path


def result_line(result: TestResult) -> Text:
    status = result.status
    line = Text(f"{STATUS_WORD[status]:8}", style=STATUS_STYLE[status])
    line.append(display_path(result.path))
    if not result.skipped:
        line.append(f" ({result.seconds:.1f}s)", style="dim")
    return line


def print_failures(console: Console, results: list[TestResult]) -> None:
    failing = [r for r in results if r.failures]
    if not failing:
        return
    console.rule(Text(f"{len(failing)} failing test file" + ("s" if len(failing) != 1 else ""), style="bold red"))
    for r in failing:
        for f in r.failures:
            status = "timeout" if f.timed_out else "failed"
            head = Text(STATUS_WORD[status] + " ", style="bold " + STATUS_STYLE[status])
            head.append(display_path(r.path), style="bold")
            head.append(f" [{f.config}]: ")
            head.append(f.reason, style=STATUS_STYLE[status])
            console.print(head, soft_wrap=True)
            if f.detail:
                for line in f.detail.splitlines():
                    console.print(Text("    " + line, style=_detail_style(line)), soft_wrap=True)
        console.print()


def _detail_style(line: str) -> str:
    if line.startswith(("+++", "---")):
        return "bold"
    if line.startswith("+"):
        return "green"
    if line.startswith("-"):
        return "red"
    return ""


def counts(results: list[TestResult]) -> Counter:
    return Counter(r.status for r in results)


def print_summary(console: Console, results: list[TestResult], wall: float, configs: list[str],
                  reference: str | None) -> None:
    c = counts(results)
    console.print(Text("ylua-test: " + ", ".join(configs) + (f" vs {reference}" if reference else ""), style="bold"))
    table = Table(show_header=False)
    table.add_column("outcome")
    table.add_column("count", justify="right")
    table.add_row(Text("passed", style="green"), str(c["passed"]))
    table.add_row(Text("failed", style="red" if c["failed"] else ""), str(c["failed"]))
    table.add_row(Text("timed out", style="yellow" if c["timeout"] else ""), str(c["timeout"]))
    table.add_row(Text("skipped", style="dim"), str(c["skipped"]))
    table.add_row("total", str(len(results)), end_section=True)
    table.add_row("wall time", f"{wall:.1f}s")
    console.print(table)


def common_root(results: list[TestResult]) -> str:
    dirs = [os.path.dirname(r.path) for r in results]
    if not dirs:
        return os.getcwd()
    try:
        return os.path.commonpath(dirs)
    except ValueError:  # different drives
        return ""


def _xml_safe(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def write_junit(path: str, results: list[TestResult], wall: float, configs: list[str]) -> None:
    """One testcase per file; classname is its directory relative to the files' common root."""
    c = counts(results)
    root = common_root(results)
    suites = ET.Element("testsuites", name="ylua-test", tests=str(len(results)),
                        failures=str(c["failed"] + c["timeout"]), errors="0", skipped=str(c["skipped"]),
                        time=f"{wall:.3f}")
    suite = ET.SubElement(suites, "testsuite", name="ylua-test[" + ",".join(configs) + "]",
                          tests=str(len(results)), failures=str(c["failed"] + c["timeout"]), errors="0",
                          skipped=str(c["skipped"]), time=f"{wall:.3f}")
    for r in results:
        d = os.path.dirname(r.path)
        classname = os.path.relpath(d, root).replace(os.sep, "/") if root else d
        case = ET.SubElement(suite, "testcase", classname=classname, name=os.path.basename(r.path),
                             time=f"{r.seconds:.3f}", file=r.path)
        if r.skipped:
            ET.SubElement(case, "skipped", message="skipped by list file")
        elif r.failures:
            message = "; ".join(f"[{f.config}] {f.reason}" for f in r.failures)
            text = "\n\n".join(f"[{f.config}] {f.reason}" + (f"\n{f.detail}" if f.detail else "")
                               for f in r.failures)
            failure = ET.SubElement(case, "failure", message=_xml_safe(message),
                                    type="timeout" if r.status == "timeout" else "failure")
            failure.text = _xml_safe(text)
    tree = ET.ElementTree(suites)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
