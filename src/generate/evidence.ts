/**
 * Source documents and the evidence that quotes them: the documents themselves, the list evidence
 * shared by entities of one label, the mentions a document makes, and the final pass that writes
 * every pending quote and assembles each document's text (and its hash) from the quotes it holds.
 */
import { createHash } from 'node:crypto';
import { ENTITY_LABELS } from '../shared/model';
import { FIRST_DAY, isoDay, LAST_DAY } from './language';
import { TYPE_INDEX, type Batch, type GeneratorState } from './state';
import {
  AND_OTHERS,
  DOC_LANG_WEIGHTS,
  DOC_LANGS,
  ENTITY_INTROS,
  MONTHS,
  RELATION_INTROS,
  type QuoteLang,
} from './vocabulary';

const QUOTE_COLUMN: Record<QuoteLang, 0 | 1 | 2> = { fi: 0, et: 1, ru: 2 };

export function makeDocuments(state: GeneratorState, count: number): void {
  for (let k = 0; k < count; k++) {
    const lang = DOC_LANGS[state.rng.weighted(DOC_LANG_WEIGHTS)]!;
    const day = state.rng.int(FIRST_DAY, LAST_DAY);
    const date = isoDay(day);
    const [y, m, d] = date.split('-');
    const dmy = `${Number(d)}.${Number(m)}.${y}`;
    const ddmmy = `${d}.${m}.${y}`;
    const longDate = `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
    const issue = `${state.rng.int(1, 12)}/${y}`;
    const templates: Record<QuoteLang, [string, string][]> = {
      fi: [
        [`Kuvakollaasi ${dmy}`, `Photo collage, ${longDate}`],
        [`Uutiskirje ${issue}`, `Newsletter ${issue}`],
        [`Tapaamisen muistio ${dmy}`, `Minutes of the meeting, ${longDate}`],
        [`Tiedote ${dmy}`, `Press release, ${longDate}`],
        [`Vuosikertomus ${y}`, `Annual report ${y}`],
      ],
      et: [
        [`Fotokollaaž ${ddmmy}`, `Photo collage, ${longDate}`],
        [`Uudiskiri ${issue}`, `Newsletter ${issue}`],
        [`Koosoleku protokoll ${ddmmy}`, `Minutes of the meeting, ${longDate}`],
        [`Pressiteade ${ddmmy}`, `Press release, ${longDate}`],
        [`Aastaaruanne ${y}`, `Annual report ${y}`],
      ],
      ru: [
        [`Фотоотчёт ${ddmmy}`, `Photo report, ${longDate}`],
        [`Информационный бюллетень ${issue}`, `Newsletter ${issue}`],
        [`Протокол встречи ${ddmmy}`, `Minutes of the meeting, ${longDate}`],
        [`Пресс-релиз ${ddmmy}`, `Press release, ${longDate}`],
        [`Годовой отчёт ${y}`, `Annual report ${y}`],
      ],
    };
    const [title, titleTranslation] = state.rng.pick(templates[lang]);
    const i = state.addNode(
      'Document',
      title,
      [[titleTranslation, 'en']],
      `Generated source document in ${lang === 'fi' ? 'Finnish' : lang === 'et' ? 'Estonian' : 'Russian'}, ${longDate}.`,
      {
        title,
        titleTranslation,
        language: lang,
        url: `https://example.org/generated/${state.seed}/documents/${k + 1}`,
        file: null,
        // text, translation and sha256 are filled in once every quote is known (finishEvidence).
        text: '',
        translation: '',
        sha256: '',
      },
      { date },
    );
    state.documents.push(i);
    state.docLang.push(lang);
    state.docQuotes.push([]);
  }
}

/** Entities share list evidence in groups of the same label ("Those present included A, B ..."). */
export function entityEvidence(state: GeneratorState): void {
  let batch: Batch | undefined;
  let label = -1;
  for (let i = 0; i < state.nodes.length; i++) {
    if (!batch || batch.size >= 12 || state.labelOf[i] !== label) {
      label = state.labelOf[i]!;
      batch = state.newBatch();
      state.pending.push({ batch, kind: 'names', intro: ENTITY_INTROS[ENTITY_LABELS[label]!] });
    }
    if (batch.shown.length < 5) batch.shown.push(i);
    batch.size += 1;
    state.nodes[i]!.evidenceIds = batch.ids;
  }
}

export function linkDocuments(state: GeneratorState): void {
  const home: Record<QuoteLang, string> = { fi: 'FI', et: 'EE', ru: 'RU' };
  for (let d = 0; d < state.documents.length; d++) {
    const doc = state.documents[d]!;
    const lang = state.docLang[d]!;
    const found = state.countries.findIndex((c) => c.code === home[lang]);
    const c = found >= 0 ? found : 0;
    const publisher = state.orgPool.pick(state.rng, c, 0.05);
    state.link('PUBLISHED', publisher, doc, 'publisher');
    state.link('ABOUT', doc, state.topicPool.pick(state.rng));
    // A few documents name some entities outright; the evidence of a mention is that document's own.
    const batch = state.newBatch(d);
    state.pending.push({ batch, kind: 'names', intro: RELATION_INTROS.MENTIONS });
    const mentions = 2 + state.rng.count(4);
    for (let k = 0; k < mentions; k++) {
      const roll = state.rng.float();
      const target =
        roll < 0.4
          ? state.orgPool.pick(state.rng, c, 0.1)
          : roll < 0.7
            ? state.personPool.pick(state.rng, c, 0.1)
            : state.eventPool.pick(state.rng, c, 0.1);
      const key = doc * state.nodes.length + target;
      const seen = state.seen[TYPE_INDEX.get('MENTIONS')!]!;
      if (target < 0 || seen.has(key)) continue;
      seen.add(key);
      if (batch.shown.length < 6) batch.shown.push(target);
      batch.size += 1;
      state.relationships.push({
        type: 'MENTIONS',
        fromId: state.nodes[doc]!.id,
        toId: state.nodes[target]!.id,
        role: null,
        startDate: null,
        endDate: null,
        evidenceIds: batch.ids,
      });
    }
    if (batch.size === 0) batch.shown.push(publisher);
  }
}

/** Builds every pending quote and each document's text from the quotes it holds. */
export function finishEvidence(state: GeneratorState): void {
  for (const p of state.pending) {
    const { batch } = p;
    const intro = p.intro[QUOTE_COLUMN[batch.lang]];
    const more = batch.size > (p.kind === 'pairs' ? batch.shown.length / 2 : batch.shown.length);
    const render = (lang: QuoteLang | 'en'): string => {
      const parts: string[] = [];
      if (p.kind === 'pairs') {
        for (let k = 0; k < batch.shown.length; k += 2)
          parts.push(
            `${state.nameIn(batch.shown[k]!, lang)} – ${state.nameIn(batch.shown[k + 1]!, lang)}`,
          );
      } else for (const i of batch.shown) parts.push(state.nameIn(i, lang));
      const sep = p.kind === 'pairs' ? '; ' : ', ';
      return `${parts.join(sep)}${more ? ` ${AND_OTHERS[lang]}` : ''}`;
    };
    // "ym." and "и др." already end the sentence.
    const end = (text: string): string => (text.endsWith('.') ? text : `${text}.`);
    batch.evidence.quote = end(`${intro}: ${render(batch.lang)}`);
    batch.evidence.translation = end(`${p.intro[3]}: ${render('en')}`);
  }
  for (let d = 0; d < state.documents.length; d++) {
    const node = state.nodes[state.documents[d]!]!;
    const quotes = state.docQuotes[d]!.map((k) => state.evidence[k]!);
    const text = [node.props.title as string, ...quotes.map((e) => e.quote!)].join('\n\n');
    const translation = [
      node.props.titleTranslation as string,
      ...quotes.map((e) => e.translation!),
    ].join('\n\n');
    node.props.text = `${text}\n`;
    node.props.translation = `${translation}\n`;
    node.props.sha256 = createHash('sha256')
      .update(node.props.text as string)
      .digest('hex');
  }
}
