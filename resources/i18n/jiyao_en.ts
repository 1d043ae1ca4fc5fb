<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HandOverWords</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/app.py" line="205"/>
        <source>Jiyao is already running: handed %n path(s) to it.</source>
        <translation>
            <numerusform>Jiyao is already running: handed %n path to it.</numerusform>
            <numerusform>Jiyao is already running: handed %n paths to it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/tag_browser.py" line="149"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
</context>
</TS>
