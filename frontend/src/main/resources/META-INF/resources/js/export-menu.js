// The export menu: what the map shows (same filters, same window, the whole area) as a file for QGIS,
// GDAL or a spreadsheet.

const FORMATS = [
  { ext: 'geojson', label: 'GeoJSON' },
  { ext: 'csv', label: 'CSV (ACLED columns)' },
  { ext: 'gpkg', label: 'GeoPackage' },
  { ext: 'kml', label: 'KML' },
];

/** Fills `menu` with one download link per format; `update(params)` points them at the current filters. */
export function exportMenu(menu) {
  const links = FORMATS.map(({ ext, label }) => {
    const link = document.createElement('a');
    link.textContent = label;
    link.dataset.format = ext;
    link.setAttribute('download', '');
    const item = document.createElement('li');
    item.append(link);
    menu.append(item);
    return link;
  });
  return {
    update(params) {
      for (const link of links) link.href = `/api/export/events.${link.dataset.format}?${params}`;
    },
  };
}
