import { postJson, type Analysis } from '../api.js';
import { errorBox, h, replace } from '../dom.js';
import { reader } from '../reader.js';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Analyze: paste text or drop an HTML/text file; the reader view appears at once (nothing is stored). */
export function analyzeView(main: HTMLElement, signal: AbortSignal): void {
  const text = h('textarea', { id: 'analyze-text', rows: 10, placeholder: 'Paste an article here, or drop an .html or .txt file below.', spellcheck: 'false' });
  const published = h('input', { id: 'analyze-published', type: 'date' });
  const file = h('input', { id: 'analyze-file', type: 'file', accept: '.html,.htm,.txt,text/html,text/plain', class: 'visually-hidden' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const output = h('div', { class: 'analyze-output' });
  const drop = h('label', { class: 'dropzone', for: 'analyze-file', tabindex: 0 }, 'Drop an HTML or text file here, or press Enter to choose one');
  let html: string | null = null;
  let controller: AbortController | null = null;

  async function run(): Promise<void> {
    const body = html === null ? { text: text.value } : { html };
    if ((html ?? text.value).trim() === '') {
      status.textContent = 'Paste some text or choose a file first.';
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const current = controller;
    signal.addEventListener('abort', () => current.abort(), { once: true });
    status.textContent = 'Analyzing…';
    output.setAttribute('aria-busy', 'true');
    try {
      const analysis = await postJson<Analysis>('/api/analyze', { ...body, ...(published.value === '' ? {} : { publishedAt: published.value }) }, current.signal);
      status.textContent = `${analysis.statements.length} statement${analysis.statements.length === 1 ? '' : 's'}, ${analysis.entities.length} entities, ${analysis.times.length} times found.`;
      replace(output, analysis.document.title === null ? '' : h('h2', {}, analysis.document.title), reader({ analysis, outlet: hostOf(analysis.document.url), linkSpeakers: false }));
    } catch (error) {
      if (current.signal.aborted) return;
      status.textContent = '';
      replace(output, errorBox(error));
    } finally {
      output.removeAttribute('aria-busy');
    }
  }

  async function readFile(chosen: File | undefined): Promise<void> {
    if (chosen === undefined) return;
    if (chosen.size > MAX_FILE_BYTES) {
      status.textContent = `${chosen.name} is larger than 2 MB.`;
      return;
    }
    const content = await chosen.text();
    const isHtml = /\.html?$/iu.test(chosen.name) || chosen.type === 'text/html' || /^\s*</u.test(content);
    html = isHtml ? content : null;
    text.value = isHtml ? '' : content;
    drop.textContent = `${chosen.name} (${isHtml ? 'HTML' : 'text'})`;
    await run();
  }

  file.addEventListener('change', () => void readFile(file.files?.[0]));
  drop.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      file.click();
    }
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void readFile(event.dataTransfer?.files[0]);
  });
  text.addEventListener('input', () => {
    html = null;
  });
  text.addEventListener('paste', () => setTimeout(() => void run(), 0));

  replace(main, 
    h('h1', {}, 'Analyze an article'),
    h('p', { class: 'hint' }, 'Nothing is stored: the text is analyzed and shown with every statement marked.'),
    h(
      'form',
      { class: 'analyze-form', onsubmit: (event: Event) => {
        event.preventDefault();
        void run();
      } },
      h('label', { for: 'analyze-text' }, h('span', {}, 'Article text'), text),
      drop,
      file,
      h('div', { class: 'row' }, h('label', { for: 'analyze-published' }, h('span', {}, 'Published (for relative dates)'), published), h('button', { type: 'submit', class: 'primary' }, 'Analyze')),
    ),
    status,
    output,
  );
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
