"""QGIS as a client of the service (QgisClientTest runs it with Debian's python3-qgis): the events as an
OGC API - Features layer and as a vector tile layer, counted and drawn offscreen.

python3 read_service.py BASE_URL PICTURE.png  ->  one JSON line: features read, tile pixels drawn.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,  # noqa: E402
                       QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsRectangle, QgsVectorLayer,
                       QgsVectorTileLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def render(layers, extent, size, path=None):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setExtent(extent)
    settings.setOutputSize(size)
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if path:
        image.save(path)
    return image


def drawn(image):
    """Pixels that are not the white background."""
    white = QColor("white").rgb()
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2) if image.pixel(x, y) != white)


def main(base, picture):
    app = QgsApplication([], False)
    app.initQgis()
    features = QgsVectorLayer(f"url='{base}/ogcapi' typename='events'", "events", "OAPIF")
    if not features.isValid():
        raise SystemExit("QGIS could not open the events as OGC API - Features: " + features.error().summary())
    count = sum(1 for _ in features.getFeatures())
    tiles = QgsVectorTileLayer(
        f"type=xyz&url={base}/ogcapi/collections/events/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}&zmin=0&zmax=14",
        "events (tiles)")
    if not tiles.isValid():
        raise SystemExit("QGIS could not open the events as vector tiles")
    region = QgsRectangle(35.6, 34.3, 39.6, 37.0)  # north-western Syria, where the offensive was
    to_mercator = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                         QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    extent = to_mercator.transformBoundingBox(region)
    size = QSize(800, 600)
    tile_pixels = drawn(render([tiles], extent, size))
    # the picture: the latest day's territory beneath, the events from both sources on top
    territory = QgsVectorLayer(f"url='{base}/ogcapi' typename='frontlines'", "frontlines", "OAPIF")
    render([features, tiles, territory], extent, size, picture)
    print(json.dumps({"features": count, "tile_pixels": tile_pixels}), flush=True)
    # QGIS 3.22 may crash tearing down layers at exit; everything is written by now
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
