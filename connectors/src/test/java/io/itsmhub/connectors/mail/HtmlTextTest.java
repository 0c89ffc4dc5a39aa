package io.itsmhub.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void stripsTagsAndKeepsLineStructure() {
        String html = """
                <html><head><title>Ignored</title><style>p { color: red; }</style></head>
                <body><!-- a comment --><p>Hello <b>team</b>,</p>
                <div>The   database is
                   down.<br>Since 10:00.</div>
                <ul><li>db-1</li><li>db-2</li></ul><script>alert('x')</script></body></html>""";

        assertThat(HtmlText.toText(html)).isEqualTo("Hello team,\n\nThe database is down.\nSince 10:00.\ndb-1\ndb-2");
    }

    @Test
    void decodesEntitiesAndLeavesUnknownOnesAndLoneBrackets() {
        assertThat(HtmlText.toText("<p>a &lt; b &amp;&amp; c&nbsp;&gt; d &#25968;&#x636E;&#x5E93; &foo; x < y</p>"))
                .isEqualTo("a < b && c > d 数据库 &foo; x < y");
    }

    @Test
    void oneLinePerDivAsWebMailWritesIt() {
        assertThat(HtmlText.toText("<div>line one</div><div><span>line two</span></div><div><br></div><div>after</div>"))
                .isEqualTo("line one\nline two\nafter");
    }

    @Test
    void keepsChineseText() {
        assertThat(HtmlText.toText("<div dir=\"auto\">数据库连接失败</div>")).isEqualTo("数据库连接失败");
    }
}
