// Public URLs, shared by server and client code.
export const articlePath = (slug: string) => `/articles/${slug}`;
export const sectionPath = (slug: string) => `/sections/${slug}`;
export const tagPath = (slug: string) => `/tags/${slug}`;
export const authorPath = (slug: string) => `/authors/${slug}`;
export const pagePath = (slug: string) => `/${slug}`;
