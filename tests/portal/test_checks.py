import re
from pathlib import Path

from portal.checks import check_secret_key_is_not_an_example

COMPOSE = Path(__file__).resolve().parents[2] / "docker-compose.yml"


def test_deploy_check_refuses_the_example_key_of_docker_compose(settings):
    settings.SECRET_KEY = re.search(r"SECRET_KEY:-([^}]+)}", COMPOSE.read_text()).group(1)

    assert [error.id for error in check_secret_key_is_not_an_example(None)] == ["portal.E001"]


def test_deploy_check_accepts_a_random_key(settings):
    settings.SECRET_KEY = "q3Zr8vN1xK0pL7mT2wY5sB9dF4hJ6gC1aE8uI0oP3nM"

    assert check_secret_key_is_not_an_example(None) == []
