import { memo } from 'react'
import { Lightbulb, NotebookPen, Rocket, Users, type LucideProps } from 'lucide-react'
import type { NoteType } from '../../../../shared/model/noteTypes'

const ICONS = {
  competence: NotebookPen,
  lesson: Lightbulb,
  idea: Rocket,
  meeting: Users,
} as const satisfies Record<NoteType, unknown>

/**
 * One icon per note type, the same in the list, the properties and the "new note" menu.
 * Memoized: list rows re-render on filter keystrokes, and an SVG rebuilt is not free.
 */
export const NoteTypeIcon = memo(function NoteTypeIcon({
  type,
  ...props
}: { type: NoteType } & LucideProps) {
  const Icon = ICONS[type]
  return <Icon aria-hidden {...props} />
})
