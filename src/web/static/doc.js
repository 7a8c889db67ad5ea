// The doc view: highlights the lines named in the fragment (#L12-L30) and scrolls to them.
function highlight() {
  const match = /^#L(\d+)(?:-L(\d+))?$/.exec(location.hash);
  for (const element of document.querySelectorAll('.hl')) element.classList.remove('hl');
  if (!match) return;
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  let first = null;
  const mark = (element) => {
    element.classList.add('hl');
    first ??= element;
  };
  for (const element of document.querySelectorAll('#doc [data-lines]')) {
    const [start, end] = element.dataset.lines.split('-').map(Number);
    if (end < from || start > to) continue;
    const lines = element.querySelectorAll('[data-line]');
    if (lines.length) {
      // A code block: only its cited lines.
      for (const line of lines) {
        const n = Number(line.dataset.line);
        if (n >= from && n <= to) mark(line);
      }
      if (!element.querySelector('.hl')) mark(element);
    } else mark(element);
  }
  first?.scrollIntoView({ block: 'center' });
}
addEventListener('hashchange', highlight);
highlight();
