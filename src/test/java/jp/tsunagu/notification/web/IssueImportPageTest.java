package jp.tsunagu.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A member of staff uploads an AI-OCR tool's CSV on the page and reads, row by row and in their language, what was
 * raised and what is wrong; the same form sent twice raises nothing twice.
 */
@AutoConfigureMockMvc
class IssueImportPageTest extends AbstractIntegrationTest {

    static final String HEADER = "title,description,category,severity,sectionCode,relatedSections,personalInfo\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String tag;

    @BeforeEach
    void tag() {
        tag = "一括" + UUID.randomUUID().toString().substring(0, 8);
    }

    private MockMultipartHttpServletRequestBuilder upload(String csv, Charset charset) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/issues/import")
                .file(new MockMultipartFile("file", "ocr.csv", "text/csv", csv.getBytes(charset)))
                .with(user("sato")).with(csrf());
    }

    private long raisedWithTag() {
        return jdbc.sql("select count(*) from issue where title like ?").param(tag + "%").query(Long.class).single();
    }

    @Test
    void eachRowIsRaisedOrSaysWhatIsWrongInJapanese() throws Exception {
        String csv = HEADER
                + tag + " 窓口の混雑,午前の待ち時間,CITIZEN_SERVICE,MEDIUM,shimin-ka,,false\r\n"
                + ",説明だけ,OTHER,LOW,shimin-ka,,false\r\n"
                + tag + " 課の誤り,説明,OTHER,LOW,shimin-ka,nowhere,false\r\n"
                + tag + " 施設の不具合,玄関の自動ドア,FACILITY,colour,shimin-ka,hoken-nenkin,false\r\n"
                + tag + " 申請書の記載,不備あり,CITIZEN_SERVICE,LOW,shimin-ka,hoken-nenkin,false\r\n";

        String page = mvc.perform(upload(csv, StandardCharsets.UTF_8).param("formKey", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("5行のうち 2件を登録しました。誤りのある行は 3行です。", "件名が空です。",
                "関係課: 課コード「nowhere」は登録されていません。", "重要度: 「colour」は使えない値です。")
                .contains("data-status=\"CREATED\"", "data-status=\"INVALID\"", "文字コード: UTF-8");
        assertThat(raisedWithTag()).isEqualTo(2);
    }

    @Test
    void aTitleOfIdeographicSpacesIsEmptyAndOneOnTwoLinesIsRefused() throws Exception {
        String csv = HEADER
                + "\u3000\u3000," + tag + " 全角空白だけの件名,OTHER,LOW,shimin-ka,,false\r\n"
                + "\"" + tag + " 改行の\n入った件名\",説明,OTHER,LOW,shimin-ka,,false\r\n";

        String page = mvc.perform(upload(csv, StandardCharsets.UTF_8).param("formKey", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("2行のうち 0件を登録しました。誤りのある行は 2行です。", "件名が空です。",
                "件名に改行やタブなどの制御文字が含まれています。1行で書いてください。");
        assertThat(raisedWithTag()).isZero();
        assertThat(jdbc.sql("select count(*) from issue where description like ?").param(tag + "%").query(Long.class)
                .single()).isZero();
    }

    @Test
    void allOrNothingRaisesNothingWhenARowIsWrongAndTheSameFormTwiceRaisesOnce() throws Exception {
        String bad = HEADER + tag + " 良い行,説明,OTHER,LOW,shimin-ka,,false\r\n" + tag + " 悪い行,説明,OTHER,LOW,,,maybe\r\n";
        String nothing = mvc.perform(upload(bad, StandardCharsets.UTF_8).param("allOrNothing", "true")
                        .param("formKey", UUID.randomUUID().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(nothing).contains("2行のうち 1行に誤りがあるため、何も登録していません。", "所管課が空です。",
                "個人情報を含む: true か false で書いてください（1 / 0、はい / いいえ も使えます）。", "data-status=\"VALID\"");
        assertThat(raisedWithTag()).isZero();

        String good = HEADER + tag + " 一度だけ,説明,OTHER,LOW,shimin-ka,,false\r\n";
        String formKey = UUID.randomUUID().toString();
        mvc.perform(upload(good, StandardCharsets.UTF_8).param("formKey", formKey)).andExpect(status().isOk());
        String again = mvc.perform(upload(good, StandardCharsets.UTF_8).param("formKey", formKey))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("前回の結果を表示しています");
        assertThat(raisedWithTag()).isEqualTo(1);
    }

    @Test
    void aShiftJisFileIsDetectedAndAnUnreadableOneIsRefusedWithItsReason() throws Exception {
        String sjis = HEADER + tag + " ①番窓口の混雑,㈱からの問合せ,CITIZEN_SERVICE,LOW,shimin-ka,,はい\r\n";
        String page = mvc.perform(upload(sjis, Charset.forName("windows-31j"))
                        .param("formKey", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1行のうち 1件を登録しました。</p>", "文字コード: Shift_JIS");
        assertThat(jdbc.sql("select title from issue where title like ?").param(tag + "%").query(String.class).single())
                .isEqualTo(tag + " ①番窓口の混雑");

        mvc.perform(upload("colour,title\r\n赤,件名\r\n", StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("ファイルを読めないため、何も登録していません。", "列「colour」は使えません。",
                                "必須の列「category」がありません。"));
        byte[] tooBig = new byte[IssueImportController.MAX_BYTES + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');
        mvc.perform(multipart("/issues/import").file(new MockMultipartFile("file", "big.csv", "text/csv", tooBig))
                        .with(user("sato")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("ファイルが大きすぎます。分けて登録してください。"));
        mvc.perform(multipart("/issues/import").with(user("sato")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("CSVファイルを選んでください。"));
    }

    @Test
    void aRowForAnotherSectionAnEmptyFileAndAHeaderAloneAreEachSaidPlainly() throws Exception {
        String csv = HEADER + tag + " 他課の課題,説明,OTHER,LOW,hoken-nenkin,,false\r\n";
        String page = mvc.perform(upload(csv, StandardCharsets.UTF_8).param("formKey", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("所管課: 課コード「hoken-nenkin」の課の課題を登録する権限がありません。")
                .doesNotContain("You may not", "you may not");

        String headerOnly = mvc.perform(upload(HEADER, StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(headerOnly).contains("ファイルには1行目の列名しかなく、登録する行がないため、何も登録していません。")
                .doesNotContain("0行のうち", "ファイルを読めないため");

        String empty = mvc.perform(multipart("/issues/import")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .with(user("sato")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("選んだファイルは中身が空のため、何も登録していません。")
                .doesNotContain("CSVファイルを選んでください。");

        mvc.perform(multipart("/issues/import").file(new MockMultipartFile("file", "", "application/octet-stream",
                        new byte[0])).with(user("sato")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("CSVファイルを選んでください。"));
        String english = mvc.perform(upload(csv, StandardCharsets.UTF_8).param("lang", "en")
                        .param("formKey", UUID.randomUUID().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Owning section: you may not raise issues for the section with the code");
        assertThat(raisedWithTag()).isZero();
    }

    @Test
    void theReportReadsInEnglish() throws Exception {
        String csv = HEADER + tag + " English,desc,OTHER,LOW,nowhere,,false\r\n"
                + tag + " English,desc,OTHER,LOW,shimin-ka,shimin-ka,false\r\n";
        String page = mvc.perform(upload(csv, StandardCharsets.UTF_8).param("lang", "en")
                        .param("formKey", UUID.randomUUID().toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("0 of 2 rows were imported.", "Owning section: there is no section with this code.",
                "Related sections names the owning section again.");
        assertThat(mvc.perform(get("/issues/new").with(user("sato"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/issues/import\"");
    }
}
