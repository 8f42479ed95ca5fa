-- a migration numbered outside its area's block: refused before anything runs
CREATE TABLE misplaced_note (id INTEGER PRIMARY KEY);
