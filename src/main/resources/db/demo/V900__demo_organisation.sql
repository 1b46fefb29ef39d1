-- The demo organisation of the design (a sample; the administrator loads the real one).
-- Every demo account has the password 'demo' (bcrypt below). This script runs only in the demo profile.

insert into department (code, name_ja, name_en, lead_section_code) values
    ('shimin-seikatsu', '市民生活部', 'Citizen Life Department', 'shimin-ka'),
    ('fukushi',         '福祉部',     'Welfare Department',      'fukushi-somu'),
    ('seisaku',         '政策部',     'Policy Department',       'seisaku-keiei'),
    ('kansa',           '監査',       'Internal Audit',          null);

insert into section (code, department_code, name_ja, name_en) values
    ('shimin-ka',     'shimin-seikatsu', '市民課',       'Citizens Section'),
    ('hoken-nenkin',  'shimin-seikatsu', '保険年金課',   'Insurance and Pension Section'),
    ('keizai',        'shimin-seikatsu', '経済課',       'Economy Section'),
    ('bunka-jinken',  'shimin-seikatsu', '文化と人権課', 'Culture and Human Rights Section'),
    ('fukushi-somu',  'fukushi',         '福祉総務課',   'Welfare General Affairs Section'),
    ('seisaku-keiei', 'seisaku',         '政策経営課',   'Policy and Management Section');

insert into person (username, display_name, password_hash, role, section_code, department_code) values
    ('sato',      '佐藤 花子', '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'STAFF',                  'shimin-ka',     'shimin-seikatsu'),
    ('suzuki',    '鈴木 一郎', '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'SECTION_CHIEF',          'shimin-ka',     'shimin-seikatsu'),
    ('takahashi', '高橋 健',   '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'STAFF',                  'hoken-nenkin',  'shimin-seikatsu'),
    ('kobayashi', '小林 直子', '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'SECTION_CHIEF',          'hoken-nenkin',  'shimin-seikatsu'),
    ('kimura',    '木村 誠',   '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'DEPARTMENT_COORDINATOR', null,            'shimin-seikatsu'),
    ('tanaka',    '田中 博',   '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'DEPARTMENT_HEAD',        null,            'shimin-seikatsu'),
    ('yamamoto',  '山本 美咲', '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'STAFF',                  'fukushi-somu',  'fukushi'),
    ('nakamura',  '中村 浩',   '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'DEPARTMENT_HEAD',        null,            'fukushi'),
    ('ito',       '伊藤 陽子', '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'CITY_COORDINATOR',       'seisaku-keiei', 'seisaku'),
    ('watanabe',  '渡辺 昭',   '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'AUDITOR',                null,            'kansa'),
    ('admin',     '管理者',    '$2a$10$R4.UKmHDapejFVurlljPZ.Up5ii6MDTy2qGGmJIjPaLus/CtIbL3.', 'ADMIN',                  null,            null);
