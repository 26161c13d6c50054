// The player's buttons: play/pause, a day back, a day forward, the speed and looping.

const SPEEDS = [
  { ms: 2000, label: '1 day / 2 s' },
  { ms: 1000, label: '1 day / s' },
  { ms: 500, label: '2 days / s' },
  { ms: 250, label: '4 days / s' },
];

/**
 * Builds the controls inside `root` and keeps them in step with the player.
 * @param {HTMLElement} root
 * @param {import('./player.js').Player} player
 */
export function playerControl(root, player) {
  const back = button('step-back', '◀︎', 'One day back');
  const play = button('play', '▶︎', 'Play: move the window a day at a time');
  play.setAttribute('aria-pressed', 'false');
  const forward = button('step-forward', '▶︎|', 'One day forward');
  const speed = document.createElement('select');
  speed.id = 'speed';
  speed.setAttribute('aria-label', 'Playback speed');
  for (const s of SPEEDS) speed.append(new Option(s.label, String(s.ms), false, s.ms === player.msPerDay));
  const loopLabel = document.createElement('label');
  const loop = document.createElement('input');
  loop.type = 'checkbox';
  loop.id = 'loop';
  loop.checked = player.loop;
  loopLabel.append(loop, ' Loop');
  root.append(back, play, forward, speed, loopLabel);

  play.addEventListener('click', () => player.toggle());
  back.addEventListener('click', () => player.step(-1));
  forward.addEventListener('click', () => player.step(1));
  speed.addEventListener('change', () => { player.msPerDay = Number(speed.value); });
  loop.addEventListener('change', () => { player.loop = loop.checked; });
  player.addEventListener('statechange', ({ detail }) => {
    play.textContent = detail.playing ? '❚❚' : '▶︎';
    play.title = detail.playing ? 'Pause' : 'Play: move the window a day at a time';
    play.setAttribute('aria-label', play.title);
    play.setAttribute('aria-pressed', String(detail.playing));
    document.body.dataset.playing = String(detail.playing);
  });
}

function button(id, text, label) {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  b.title = label;
  b.setAttribute('aria-label', label);
  return b;
}
