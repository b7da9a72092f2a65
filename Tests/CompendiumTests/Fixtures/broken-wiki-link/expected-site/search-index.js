window.COMPENDIUM_SEARCH = {
"kinds": [{"id": "meeting", "title": "Meetings"}, {"id": "resource", "title": "Resources"}, {"id": "theme", "title": "Themes"}],
"themes": [{"id": "supervision", "title": "Supervision"}],
"documents": [
{"title": "A meeting", "url": "meetings/2026-01-08/", "kind": "meeting", "kindLabel": "Meeting", "themes": ["supervision"], "themeTitles": ["Supervision"], "topics": [], "date": "2026-01-08", "dateText": "8 January 2026", "text": "Intro line. See embeding-a-peer-workforce and this, but not [[in-code]]."},
{"title": "Embedding a peer workforce", "url": "resources/embedding-a-peer-workforce/", "kind": "resource", "kindLabel": "Infographic", "themes": ["supervision"], "themeTitles": ["Supervision"], "topics": [], "text": ""},
{"title": "Supervision", "url": "themes/supervision/", "kind": "theme", "kindLabel": "Theme", "themes": [], "themeTitles": [], "topics": [], "text": ""}
]};
