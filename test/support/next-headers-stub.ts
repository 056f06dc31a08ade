// Stand-in for next/headers in database tests: the request's cookies are whatever the test put in
// `cookieJar` (lib code reads the session cookie through `cookies()`).
export const cookieJar: Map<string, string> = ((globalThis as { __consiliumCookieJar?: Map<string, string> }).__consiliumCookieJar ??= new Map());

export async function cookies() {
  return {
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
  };
}

export async function headers() {
  return new Headers({ cookie: [...cookieJar].map(([k, v]) => `${k}=${v}`).join("; ") });
}
