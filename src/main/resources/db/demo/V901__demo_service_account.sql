-- A bot account for the demo: it has no password and signs in with an API token an administrator issues.
insert into person (username, display_name, password_hash, role, section_code, department_code)
values ('rpa-bot', 'RPA（市民課）', null, 'SERVICE', 'shimin-ka', 'shimin-seikatsu');
