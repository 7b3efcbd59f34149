import { describe, expect, it } from 'vitest'
import { matchWorkspaces, workspaceTag } from './workspaceTag'

describe('workspace tags', () => {
  it('are 16 hex digits, stable, and differ per host and per workspace', () => {
    const tag = workspaceTag('ws-one', 'host-a')
    expect(tag).toMatch(/^[0-9a-f]{16}$/)
    expect(workspaceTag('ws-one', 'host-a')).toBe(tag)
    expect(workspaceTag('ws-one', 'host-b')).not.toBe(tag)
    expect(workspaceTag('ws-two', 'host-a')).not.toBe(tag)
    expect(tag).not.toContain('ws-one')
  })

  it('match only the workspaces we know', () => {
    const tags = [workspaceTag('ws-one', 'host-a'), workspaceTag('ws-other', 'host-a')]
    const matches = matchWorkspaces(['ws-one', 'ws-two'], 'host-a', tags)
    expect([...matches.values()]).toEqual(['ws-one'])
    expect(matchWorkspaces(['ws-one'], 'host-b', tags).size).toBe(0)
  })
})
