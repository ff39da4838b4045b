// How an organization is named where it stands alone (a picker, a cell, a line of the CLI): the community
// first, since every community has a 第1网格党支部.

export function orgLabel(org: { name: string; communityName: string | null }): string {
  return org.communityName && !org.name.startsWith(org.communityName) ? `${org.communityName} ${org.name}` : org.name;
}
