/** Up to two initials: first letters of the first and last word of a name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.[0] ?? '?'
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** A person's initials on their colour. Decorative: the surrounding control names the person. */
export function Avatar({
  name,
  color,
  size = 'md',
  ring,
}: {
  name: string
  color: string
  size?: 'sm' | 'md' | 'lg'
  ring?: boolean
}) {
  return (
    <span
      className={`avatar avatar--${size}${ring === true ? ' avatar--ring' : ''}`}
      style={{ backgroundColor: color }}
      aria-hidden
    >
      {initials(name)}
    </span>
  )
}
