"""The offline gazetteer (``core``), geocoding a CSV column (``batch``), adding
GeoNames' country dumps (``geonames``), the optional online fallback (``online``)
and the command line (``python -m components.gazetteer``)."""

from components.domain.places import Match, Place
from components.gazetteer.core import (
    DEFAULT_DIRECTORY,
    FUZZY_THRESHOLD,
    MAX_NAME_LENGTH,
    USER_DIRECTORY_VARIABLE,
    Gazetteer,
    OfflineGeocoder,
    default_gazetteer,
    name_key,
    normalize_name,
    user_directory,
)
from components.support.errors import (
    GazetteerDataError,
    GazetteerError,
    PlaceNotFoundError,
)

__all__ = [
    "DEFAULT_DIRECTORY",
    "FUZZY_THRESHOLD",
    "MAX_NAME_LENGTH",
    "USER_DIRECTORY_VARIABLE",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "Match",
    "OfflineGeocoder",
    "Place",
    "PlaceNotFoundError",
    "default_gazetteer",
    "name_key",
    "normalize_name",
    "user_directory",
]
