import pytest

from jit.config import Config, ConfigError


def test_defaults():
    c = Config.from_env({})
    assert c.hot_threshold == 131 and c.sidetrace_threshold == 5 and c.opt and c.jobs == 1
    assert c.jitc == "llvm" and c.enabled and c.log_level == 1 and c.log_path == "-"
    assert c.log_ir_stages == frozenset() and c.stats_path is None and not c.serialise_compilation


def test_values():
    c = Config.from_env({
        "YK_HOT_THRESHOLD": "0", "YK_SIDETRACE_THRESHOLD": "2", "YKD_OPT": "0", "YKD_SERIALISE_COMPILATION": "1",
        "YK_JOBS": "3", "YK_JITC": "none", "YKD_LOG": "/tmp/x.log:4", "YKD_LOG_IR": "jit-pre-opt,jit-asm",
        "YKD_LOG_STATS": "-", "YKD_CHECK_STACK": "1",
    })
    assert c.hot_threshold == 0 and c.sidetrace_threshold == 2 and not c.opt and c.serialise_compilation
    assert c.jobs == 3 and not c.enabled and c.log_path == "/tmp/x.log" and c.log_level == 4
    assert c.log_ir_stages == {"jit-pre-opt", "jit-asm"} and c.log_ir_path == "-"
    assert c.stats_path == "-" and c.check_stack


def test_log_path_with_colons():
    c = Config.from_env({"YKD_LOG": "C:/logs/a:b.txt:3", "YKD_LOG_IR": "/tmp/ir:aot"})
    assert (c.log_path, c.log_level) == ("C:/logs/a:b.txt", 3)
    assert (c.log_ir_path, c.log_ir_stages) == ("/tmp/ir", {"aot"})


def test_opt_alias():
    assert not Config.from_env({"YK_OPT": "0"}).opt
    assert Config.from_env({"YKD_OPT": "1", "YK_OPT": "1"}).opt
    with pytest.raises(ConfigError, match="disagree"):
        Config.from_env({"YKD_OPT": "1", "YK_OPT": "0"})


@pytest.mark.parametrize("env, words", [
    ({"YK_HOT_THRESHOLD": "x"}, "YK_HOT_THRESHOLD='x': expected an integer"),
    ({"YK_HOT_THRESHOLD": "-1"}, "expected an integer >= 0"),
    ({"YK_JOBS": "0"}, "YK_JOBS='0'"),
    ({"YK_OPT": "2"}, "YK_OPT='2': expected 0 or 1"),
    ({"YK_JITC": "gcc"}, "YK_JITC='gcc': expected one of llvm, interp, none"),
    ({"YKD_LOG": "9"}, "between 0 and 4"),
    ({"YKD_LOG": ":3"}, "empty path"),
    ({"YKD_LOG_IR": "jit-pre-opt,bogus"}, "unknown stage 'bogus'"),
    ({"YKD_LOG_IR": ""}, "YKD_LOG_IR"),
    ({"YKD_LOG_STATS": ""}, "YKD_LOG_STATS"),
])
def test_errors_are_one_line(env, words):
    with pytest.raises(ConfigError) as info:
        Config.from_env(env)
    assert words in str(info.value) and "\n" not in str(info.value)
