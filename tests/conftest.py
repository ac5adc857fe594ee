import pytest
from support import run_ylua


@pytest.fixture
def ylua():
    return run_ylua
