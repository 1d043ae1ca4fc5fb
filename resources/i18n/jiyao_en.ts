<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/agreement_dialog.py" line="162"/>
        <source>%n document(s) compared.</source>
        <translation>
            <numerusform>%n document compared.</numerusform>
            <numerusform>%n documents compared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotatedImportReportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="327"/>
        <source>%n memo(s) added</source>
        <translation>
            <numerusform>%n memo added</numerusform>
            <numerusform>%n memos added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="331"/>
        <source>%n tag(s) already present with another note or attributes: not changed</source>
        <translation>
            <numerusform>%n tag already present with another note or attributes: not changed</numerusform>
            <numerusform>%n tags already present with another note or attributes: not changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="339"/>
        <source>%n tag(s) already present given the set&apos;s note and attributes</source>
        <translation>
            <numerusform>%n tag already present given the set&apos;s note and attributes</numerusform>
            <numerusform>%n tags already present given the set&apos;s note and attributes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/chart_view.py" line="147"/>
        <source>%n without a date, not shown</source>
        <translation>
            <numerusform>%n without a date, not shown</numerusform>
            <numerusform>%n without a date, not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CooccurrenceView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="139"/>
        <source>first %n level(s)</source>
        <translation>
            <numerusform>first %n level</numerusform>
            <numerusform>first %n levels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="258"/>
        <source>%n document(s) read</source>
        <translation>
            <numerusform>%n document read</numerusform>
            <numerusform>%n documents read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/cooccurrence_view.py" line="273"/>
        <source>The %n most widespread people, places, organisations and titles.</source>
        <translation>
            <numerusform>The most widespread person, place, organisation or title.</numerusform>
            <numerusform>The %n most widespread people, places, organisations and titles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="317"/>
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="321"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusList</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="244"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_list.py" line="324"/>
        <source>Set a variable for all %n &amp;listed document(s)…</source>
        <translation>
            <numerusform>Set a variable for the %n &amp;listed document…</numerusform>
            <numerusform>Set a variable for all %n &amp;listed documents…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusSearch</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="678"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="679"/>
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="682"/>
        <source>%n memo hit(s)</source>
        <translation>
            <numerusform>%n memo hit</numerusform>
            <numerusform>%n memo hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="783"/>
        <source>%n tag(s) added</source>
        <translation>
            <numerusform>%n tag added</numerusform>
            <numerusform>%n tags added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/corpus_search.py" line="856"/>
        <source>%n hit(s) exported to {0}</source>
        <translation>
            <numerusform>%n hit exported to {0}</numerusform>
            <numerusform>%n hits exported to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="180"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="181"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/exchange/exporting.py" line="244"/>
        <source>%n tag(s) already in the project have another note or other attributes in the imported set. Give them the set&apos;s note and attributes?</source>
        <translation>
            <numerusform>%n tag already in the project has another note or other attributes in the imported set. Give it the set&apos;s note and attributes?</numerusform>
            <numerusform>%n tags already in the project have another note or other attributes in the imported set. Give them the set&apos;s note and attributes?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandOverWords</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/shell/app.py" line="222"/>
        <source>Jiyao is already running: handed %n path(s) to it.</source>
        <translation>
            <numerusform>Jiyao is already running: handed %n path to it.</numerusform>
            <numerusform>Jiyao is already running: handed %n paths to it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/tagging/label_editor.py" line="454"/>
        <source>%n label(s) added.</source>
        <translation>
            <numerusform>%n label added.</numerusform>
            <numerusform>%n labels added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="177"/>
        <source>%n disagreement(s) to decide</source>
        <translation>
            <numerusform>%n disagreement to decide</numerusform>
            <numerusform>%n disagreements to decide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="179"/>
        <source>%n place(s) agreed</source>
        <translation>
            <numerusform>%n place agreed</numerusform>
            <numerusform>%n places agreed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/review_dialog.py" line="182"/>
        <source>Take the agreed tags (%n place(s))</source>
        <translation>
            <numerusform>Take the agreed tags (%n place)</numerusform>
            <numerusform>Take the agreed tags (%n places)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchIndexBuilder</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/index_building.py" line="53"/>
        <source>%n document(s) indexed</source>
        <translation>
            <numerusform>%n document indexed</numerusform>
            <numerusform>%n documents indexed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/index_building.py" line="65"/>
        <source>Indexed for search: %n document(s)</source>
        <translation>
            <numerusform>Indexed for search: %n document</numerusform>
            <numerusform>Indexed for search: %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/segments_view.py" line="422"/>
        <source>Exporting %n tag(s)…</source>
        <translation>
            <numerusform>Exporting %n tag…</numerusform>
            <numerusform>Exporting %n tags…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/analysis/segments_view.py" line="424"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetVariableDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/corpus/corpus_actions.py" line="169"/>
        <source>For %n document(s):</source>
        <translation>
            <numerusform>For %n document:</numerusform>
            <numerusform>For %n documents:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/tagging/tag_browser.py" line="157"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="115"/>
        <source>%n coder project(s) written: send each coder their file.</source>
        <translation>
            <numerusform>%n coder project written: send the coder their file.</numerusform>
            <numerusform>%n coder projects written: send each coder their file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="208"/>
        <source>%n memo(s) added</source>
        <translation>
            <numerusform>%n memo added</numerusform>
            <numerusform>%n memos added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/team/team_actions.py" line="210"/>
        <source>%n project(s) merged.</source>
        <translation>
            <numerusform>%n project merged.</numerusform>
            <numerusform>%n projects merged.</numerusform>
        </translation>
    </message>
</context>
</TS>
