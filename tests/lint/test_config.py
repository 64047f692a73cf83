"""The config file: found by walking up, validated key by key, errors naming file and key."""

from __future__ import annotations

import pytest

from star_bank.lint.config import ConfigError, find_config, load_config


def test_pyproject_table_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.starlint]\nignore = ["hedging"]\n')
    nested = tmp_path / "stories" / "2024"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    assert load_config(find_config(nested)).ignore == ["hedging"]


def test_starlint_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.starlint]\nignore = ["hedging"]\n')
    (tmp_path / ".starlint.toml").write_text('level = "staff"\n')
    assert find_config(tmp_path) == tmp_path / ".starlint.toml"
    assert load_config(tmp_path / ".starlint.toml").level == "staff"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[tool.starlint]\nselct = ["x"]\n', "tool.starlint.selct: unknown key"),
        ('[tool.starlint]\nlevel = "junior"\n', "tool.starlint.level"),
        ('[tool.starlint]\nfail_on = 3\n', "tool.starlint.fail_on"),
        ("[tool.starlint\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error_naming_file_and_key(tmp_path, content, message):
    path = tmp_path / "pyproject.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert "\n" not in str(caught.value)
