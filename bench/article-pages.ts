// Article pages as they come saved from the web: the generated article text (articles.ts) inside
// a site's chrome — meta tags, inline styles and scripts, a navigation bar, a header, figures with
// images, asides of related links, a comment form and a long footer — so an import pays for what
// Readability and the sanitizer really throw away.
import { seededRandom } from '../test/random-text'
import { articleText } from './articles'

const SECTIONS = ['World', 'Politics', 'Business', 'Culture', 'Film', 'Books', 'Science', 'Ideas']

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function links(count: number, prefix: string, random: () => number): string {
  return Array.from({ length: count }, (_, i) => {
    const section = SECTIONS[Math.floor(random() * SECTIONS.length)]!
    return `<li class="${prefix}__item"><a class="${prefix}__link" href="https://news.example.org/${section.toLowerCase()}/${i}" data-track="${prefix}-${i}">${section} ${i}</a></li>`
  }).join('')
}

/** One paragraph of article text as a site writes it: some emphasis and a link now and then. */
function paragraph(text: string, index: number): string {
  const words = escape(text).split(' ')
  if (words.length > 12 && index % 3 === 0) {
    words[4] = `<a href="https://news.example.org/topic/${index}" class="inline-link">${words[4]}</a>`
    words[9] = `<em>${words[9]}</em>`
  }
  return `<p class="article__paragraph" data-paragraph="${index}">${words.join(' ')}</p>`
}

function body(text: string, random: () => number): string {
  const parts: string[] = []
  text.split('\n\n').forEach((para, index) => {
    if (index > 0 && index % 7 === 0) {
      parts.push(
        `<figure class="article__figure"><img src="https://cdn.example.org/img/${index}.jpg" srcset="https://cdn.example.org/img/${index}@2x.jpg 2x" alt="Photograph ${index}" loading="lazy" width="800" height="450"><figcaption>Photograph ${index}. <span class="credit">Agency</span></figcaption></figure>`,
      )
    }
    if (index > 0 && index % 11 === 0) {
      parts.push(`<h2 class="article__subhead">Part ${index / 11 + 1}</h2>`)
    }
    if (index > 0 && index % 13 === 0) {
      parts.push(
        `<aside class="related"><h3>Read more</h3><ul>${links(4, 'related', random)}</ul></aside>`,
      )
      parts.push(
        `<div class="ad-slot" id="ad-${index}"><script>window.ads && ads.push(${index})</script></div>`,
      )
    }
    if (index % 17 === 5)
      parts.push(`<blockquote class="pull-quote"><p>${escape(para.slice(0, 160))}</p></blockquote>`)
    parts.push(paragraph(para, index))
  })
  return parts.join('\n')
}

/**
 * A saved article page. Its article text is chosen so that the whole page is about `pageBytes`;
 * the chrome alone is ~14 KB.
 */
export function articlePage(words: string[], seed: number, pageBytes: number): string {
  const random = seededRandom(seed * 7919)
  const chrome = (innerArticle: string, title: string): string =>
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escape(title)} | The Example Review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="${escape(title)}">
<meta property="og:site_name" content="The Example Review">
<meta name="author" content="Writer ${seed}">
<meta property="article:published_time" content="2025-0${1 + (seed % 9)}-1${seed % 10}T08:00:00Z">
<link rel="canonical" href="https://news.example.org/articles/${seed}">
<link rel="stylesheet" href="https://cdn.example.org/site.css">
<style>${'.nav__link{color:#333;padding:4px 8px}.article__paragraph{font:18px/1.6 Georgia,serif;margin:0 0 1em}.footer a{color:#999}\n'.repeat(12)}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(title)},"datePublished":"2025-01-01"}</script>
<script>${'(function(w,d){w.dataLayer=w.dataLayer||[];w.dataLayer.push({event:"view",id:Math.random()});})(window,document);\n'.repeat(10)}</script>
<script async src="https://tracker.example.org/analytics.js"></script>
</head>
<body class="page page--article">
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience.</p><button onclick="this.parentNode.remove()">Accept</button></div>
<header class="site-header"><a class="logo" href="https://news.example.org/"><img src="https://cdn.example.org/logo.svg" alt="The Example Review"></a>
<nav class="nav" aria-label="Sections"><ul>${links(40, 'nav', random)}</ul></nav>
<form class="search" action="https://news.example.org/search"><input name="q" placeholder="Search"><button>Go</button></form></header>
<main class="layout">
<article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<header class="article__header"><p class="kicker">${SECTIONS[seed % SECTIONS.length]}</p><h1 class="article__title" itemprop="headline">${escape(title)}</h1>
<p class="byline">By <a rel="author" href="https://news.example.org/writers/${seed}">Writer ${seed}</a> · <time datetime="2025-01-01">1 January 2025</time></p>
<div class="share"><a href="https://social.example.com/share?u=${seed}" style="color:blue" onclick="share()">Share</a> <a href="mailto:?subject=${seed}">Email</a></div></header>
<div class="article__body" itemprop="articleBody">
${innerArticle}
</div>
<footer class="article__footer"><p class="tags">Tags: ${SECTIONS.slice(0, 4).join(', ')}</p></footer>
</article>
<aside class="sidebar"><section class="most-read"><h2>Most read</h2><ol>${links(10, 'most-read', random)}</ol></section>
<section class="newsletter"><h2>Newsletter</h2><form action="https://news.example.org/subscribe"><input type="email" name="email"><button>Subscribe</button></form></section></aside>
</main>
<section class="comments"><h2>Comments</h2>${Array.from({ length: 6 }, (_, i) => `<div class="comment"><p class="comment__author">Reader ${i}</p><p class="comment__text">A comment that adds little, number ${i}.</p></div>`).join('')}</section>
<footer class="site-footer"><ul>${links(60, 'footer', random)}</ul><p>© 2025 The Example Review. All rights reserved.</p></footer>
<script>${'document.querySelectorAll(".nav__link").forEach(function(a){a.addEventListener("click",function(){});});\n'.repeat(8)}</script>
</body></html>`
  const title = `Article ${seed}: ${words.slice(seed % 50, (seed % 50) + 6).join(' ')}`
  const chromeBytes = chrome('', title).length
  const text = articleText(words, seed, Math.max(2_000, (pageBytes - chromeBytes) / 1.33))
  return chrome(body(text, random), title)
}

/** The article's own text, as the same article saved as .txt would hold it. */
export function articlePlainText(words: string[], seed: number, pageBytes: number): string {
  const page = articlePage(words, seed, pageBytes)
  const paragraphs = [...page.matchAll(/<p class="article__paragraph"[^>]*>(.*?)<\/p>/g)]
  return paragraphs
    .map(([, inner]) =>
      (inner ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    )
    .join('\n\n')
}
