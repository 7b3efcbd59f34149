import { Lightbulb, NotebookPen, Rocket, Users, type LucideProps } from 'lucide-react'
import type { NoteType } from '../../../../shared/model/noteTypes'

const ICONS = {
  competence: NotebookPen,
  lesson: Lightbulb,
  idea: Rocket,
  meeting: Users,
} as const satisfies Record<NoteType, unknown>

/** One icon per note type, the same in the list, the properties and the "new note" menu. */
export function NoteTypeIcon({ type, ...props }: { type: NoteType } & LucideProps) {
  const Icon = ICONS[type]
  return <Icon aria-hidden {...props} />
}
