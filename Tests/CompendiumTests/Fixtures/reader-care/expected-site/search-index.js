window.COMPENDIUM_SEARCH = {
"kinds": [{"id": "meeting", "title": "Meetings"}, {"id": "resource", "title": "Resources"}, {"id": "theme", "title": "Themes"}],
"themes": [{"id": "restrictive-practice", "title": "Restrictive practice"}],
"documents": [
{"title": "Restraint on the wards", "url": "meetings/2025-06-06/", "kind": "meeting", "kindLabel": "Meeting", "themes": ["restrictive-practice"], "themeTitles": ["Restrictive practice"], "topics": [], "date": "2025-06-06", "dateText": "6 June 2025", "contentNote": "restraint, self-harm"},
{"title": "Reducing restraint", "url": "resources/reducing-restraint/", "kind": "resource", "kindLabel": "Guide", "themes": ["restrictive-practice"], "themeTitles": ["Restrictive practice"], "topics": [], "summary": "A guide to reducing restrictive practice.", "text": "Practical steps for wards."},
{"title": "Restrictive practice", "url": "themes/restrictive-practice/", "kind": "theme", "kindLabel": "Theme", "themes": [], "themeTitles": [], "topics": [], "text": ""}
]};
