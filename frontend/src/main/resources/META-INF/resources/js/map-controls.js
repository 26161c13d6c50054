// Two small map buttons: full screen (the browser's Fullscreen API) and back to the starting view.

/** A control with one button. */
function buttonControl({ icon, label, className, onClick, position = 'topleft' }) {
  const Control = L.Control.extend({
    onAdd() {
      const bar = L.DomUtil.create('div', `leaflet-bar ${className}`);
      const button = L.DomUtil.create('a', '', bar);
      button.href = '#';
      button.role = 'button';
      button.append(svgIcon(icon));
      button.title = label;
      button.setAttribute('aria-label', label);
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, 'click', (e) => {
        L.DomEvent.preventDefault(e);
        onClick(button);
      });
      return bar;
    },
  });
  return new Control({ position });
}

/** Full screen for `element` (the map and its time controls), where the browser allows it. */
export function fullscreenControl(element) {
  return buttonControl({
    icon: 'M3 8V3h5M13 3h5v5M18 13v5h-5M8 18H3v-5',
    label: 'Full screen',
    className: 'fullscreen-control',
    onClick: () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else element.requestFullscreen?.().catch(() => {});
    },
  });
}

/** Returns the map to `fit()`'s view. */
export function resetViewControl(fit) {
  return buttonControl({ icon: 'M3 10.5 10.5 3l7.5 7.5M5.5 8.5V18h10V8.5', label: 'Reset the view', className: 'reset-view-control', onClick: fit });
}

// A 21×21 line icon from one SVG path, built as DOM (no markup strings).
function svgIcon(d) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 21 21');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2');
  svg.append(path);
  return svg;
}
