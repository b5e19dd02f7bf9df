// Analyze: paste an article and see it annotated, as the reader shows stored ones. Nothing is stored.
import { api, ApiError } from '../api.js';
import { field, h, note } from '../dom.js';
import { renderReader } from '../reader.js';

export function analyzeView(root: HTMLElement): void {
  const text = h('textarea', { name: 'text', rows: 12, required: true, placeholder: 'Paste the article text here.' });
  const published = h('input', { type: 'date', name: 'published', value: new Date().toISOString().slice(0, 10) });
  const title = h('input', { type: 'text', name: 'title', placeholder: 'optional' });
  const result = h('section', { class: 'reader-pane', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Analyze');
  const form = h('form', { class: 'analyze-form', onsubmit: async (e: Event) => {
    e.preventDefault();
    submit.disabled = true;
    result.replaceChildren(note('Analysing…', 'loading'));
    try {
      const analysis = await api.analyze({ text: text.value, published: published.value || null, title: title.value || null });
      result.replaceChildren(h('p', { class: 'snippet' }, `${analysis.events.length} events, ${analysis.quotes.length} quotes, ${analysis.actors.length} actor mentions; nothing was stored.`),
        renderReader(text.value, analysis));
    } catch (err) {
      result.replaceChildren(note(err instanceof ApiError ? err.message : 'The server could not be reached.', 'error'));
    } finally {
      submit.disabled = false;
    }
  } },
  field('Article text', text),
  h('div', { class: 'row' }, field('Publication date (relative dates resolve against it)', published), field('Title', title), submit));
  root.replaceChildren(h('div', { class: 'analyze' }, h('h2', {}, 'Analyze an article'), form, result));
}
