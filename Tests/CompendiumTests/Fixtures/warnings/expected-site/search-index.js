window.COMPENDIUM_SEARCH = {
"kinds": [{"id": "meeting", "title": "Meetings"}, {"id": "job", "title": "Roles"}, {"id": "theme", "title": "Themes"}],
"themes": [{"id": "supervision", "title": "Supervision"}],
"documents": [
{"title": "Topic spellings and links", "url": "meetings/2025-01-10/", "kind": "meeting", "kindLabel": "Meeting", "themes": ["supervision"], "themeTitles": ["Supervision"], "topics": ["Band 4", "PICU"], "date": "2025-01-10", "dateText": "10 January 2025", "text": "See supervison and Second meeting and the notes. A link to unfinished-guide names a draft."},
{"title": "Second meeting", "url": "meetings/2025-02-14/", "kind": "meeting", "kindLabel": "Meeting", "themes": ["supervision"], "themeTitles": ["Supervision"], "topics": ["Band 4", "PICU"], "date": "2025-02-14", "dateText": "14 February 2025", "text": "Agenda Nothing else."},
{"title": "Peer Worker", "url": "jobs/peer-worker/", "kind": "job", "kindLabel": "Role", "themes": ["supervision"], "themeTitles": ["Supervision"], "topics": [], "text": ""},
{"title": "Supervision", "url": "themes/supervision/", "kind": "theme", "kindLabel": "Theme", "themes": [], "themeTitles": [], "topics": [], "text": ""}
]};
