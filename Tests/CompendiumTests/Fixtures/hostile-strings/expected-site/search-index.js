window.COMPENDIUM_SEARCH = {
"kinds": [{"id": "meeting", "title": "Meetings"}, {"id": "resource", "title": "Resources"}, {"id": "theme", "title": "Themes"}],
"themes": [{"id": "safety", "title": "Safety <img src=x onerror=alert('theme')>"}],
"documents": [
{"title": "Meeting with [[brackets]] and {{mustache}} and {{{triple}}}", "url": "meetings/2025-02-02/", "kind": "meeting", "kindLabel": "Meeting", "themes": ["safety"], "themeTitles": ["Safety <img src=x onerror=alert('theme')>"], "topics": [], "date": "2025-02-02", "dateText": "2 February 2025", "text": "Text with {{site.description}} and {{{document.body}}}, which must stay text."},
{"title": "<script>alert('title')<\/script> & \"quoted\" 'title'", "url": "resources/hostile/", "kind": "resource", "kindLabel": "Guide", "themes": ["safety"], "themeTitles": ["Safety <img src=x onerror=alert('theme')>"], "topics": ["<i>topic<\/i>"], "summary": "<\/script><script>alert('summary')<\/script> ]]> --> <!-- \u2028 line separator", "text": "a javascript link vbscript data escape the site and an image <img src=x onerror=alert(‘img’)> a"},
{"title": "Safety <img src=x onerror=alert('theme')>", "url": "themes/safety/", "kind": "theme", "kindLabel": "Theme", "themes": [], "themeTitles": [], "topics": [], "summary": "Theme summary <\/title><script>alert('theme summary')<\/script>", "text": ""}
]};
