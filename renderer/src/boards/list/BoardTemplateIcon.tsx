import {
  Coffee,
  Grid2x2,
  History,
  LayoutGrid,
  Lightbulb,
  Presentation,
  Rocket,
  SquareDashed,
  type LucideIcon,
} from 'lucide-react'
import { findBoardTemplate } from '../../../../shared/model/board/templates'
import type { TemplateLanguage } from '../../../../shared/model/noteTypes'

/** Icons for the built-in templates; one not listed here (a newer peer's) gets the board icon. */
const TEMPLATE_ICONS: Readonly<Record<string, LucideIcon>> = {
  brainstorm: Lightbulb,
  swot: Grid2x2,
  'lean-coffee': Coffee,
  'crazy-8s': LayoutGrid,
  'idea-to-project': Rocket,
  retrospective: History,
}

/** A board's icon: its template's, the blank canvas for none. Decorative. */
export function BoardTemplateIcon({
  template,
  size = 16,
}: {
  template: string | undefined
  size?: number
}) {
  const Icon = template === undefined ? SquareDashed : (TEMPLATE_ICONS[template] ?? Presentation)
  return <Icon size={size} aria-hidden strokeWidth={1.75} />
}

/** The template's name in `language`, or undefined for a blank board or an unknown template. */
export function boardTemplateName(
  template: string | undefined,
  language: TemplateLanguage,
): string | undefined {
  return template === undefined ? undefined : findBoardTemplate(template)?.name[language]
}
