import type { Block } from './richText'

/**
 * What kind of note this is. Each type has a template: the headings a good note of that kind
 * answers, so a manager writing on the factory floor knows what to put down. Templates are
 * data — add a type here (with its labels in the renderer's translations) and it shows up in
 * the "new note" menu, the type filter and the properties panel.
 */
export const NOTE_TYPES = ['competence', 'lesson', 'idea', 'meeting'] as const
export type NoteType = (typeof NOTE_TYPES)[number]

export function isNoteType(value: unknown): value is NoteType {
  return typeof value === 'string' && (NOTE_TYPES as readonly string[]).includes(value)
}

export type TemplateLanguage = 'nb' | 'en'

type Template = { title: string; blocks: Block[] }

const h2 = (text: string): Block => ({ type: 'heading', level: 2, content: [text] })
const p = (text: string): Block => ({ type: 'paragraph', content: text === '' ? [] : [text] })
const tasks = (...items: string[]): Block => ({
  type: 'taskList',
  items: items.map((text) => ({ checked: false, content: text === '' ? [] : [text] })),
})
const bullets = (...items: string[]): Block => ({
  type: 'bulletList',
  items: items.map((text) => (text === '' ? [] : [text])),
})

const TEMPLATES: Record<TemplateLanguage, Record<NoteType, Template>> = {
  nb: {
    competence: {
      title: 'Ny kompetanse',
      blocks: [
        h2('Hva vi kan'),
        p(''),
        h2('Utstyr og kapasitet'),
        bullets(''),
        h2('Hvem andre bransjer kan ha nytte av det'),
        p(''),
        h2('Kontaktperson'),
        p(''),
      ],
    },
    lesson: {
      title: 'Ny erfaring',
      blocks: [
        h2('Hva vi prøvde'),
        p(''),
        h2('Hva som skjedde'),
        p(''),
        h2('Hva vi lærte'),
        bullets(''),
        h2('Hva vi ville gjort annerledes'),
        p(''),
      ],
    },
    idea: {
      title: 'Ny prosjektidé',
      blocks: [
        h2('Idé'),
        p(''),
        h2('Partnere'),
        bullets(''),
        h2('Hva vi trenger'),
        bullets(''),
        h2('Neste steg'),
        tasks(''),
      ],
    },
    meeting: {
      title: 'Nytt møtereferat',
      blocks: [
        h2('Deltakere'),
        bullets(''),
        h2('Saker'),
        p(''),
        h2('Beslutninger'),
        bullets(''),
        h2('Oppgaver'),
        tasks(''),
      ],
    },
  },
  en: {
    competence: {
      title: 'New competence',
      blocks: [
        h2('What we know'),
        p(''),
        h2('Equipment and capacity'),
        bullets(''),
        h2('Which other industries could use it'),
        p(''),
        h2('Contact person'),
        p(''),
      ],
    },
    lesson: {
      title: 'New lesson learned',
      blocks: [
        h2('What we tried'),
        p(''),
        h2('What happened'),
        p(''),
        h2('What we learned'),
        bullets(''),
        h2('What we would do differently'),
        p(''),
      ],
    },
    idea: {
      title: 'New project idea',
      blocks: [
        h2('Idea'),
        p(''),
        h2('Partners'),
        bullets(''),
        h2('What we need'),
        bullets(''),
        h2('Next step'),
        tasks(''),
      ],
    },
    meeting: {
      title: 'New meeting note',
      blocks: [
        h2('Participants'),
        bullets(''),
        h2('Topics'),
        p(''),
        h2('Decisions'),
        bullets(''),
        h2('Action items'),
        tasks(''),
      ],
    },
  },
}

/**
 * The template of a note type: a suggested title (shown as the title field's placeholder, never
 * written) and the body's starting blocks. Returns fresh objects, so callers may change them.
 */
export function noteTemplate(type: NoteType, language: TemplateLanguage): Template {
  return JSON.parse(JSON.stringify(TEMPLATES[language][type])) as Template
}
