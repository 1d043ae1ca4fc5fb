"""Write resources/text/common_hanzi.txt: the Han characters common in modern Chinese, both scripts.

textio uses the list to judge whether a decoding is plausible (GB18030 decodes almost any
bytes, into rare characters). The list is derived, not typed: the characters that carry most
of the word frequency in jieba's dictionary, plus their Traditional forms (Taiwan, Hong Kong
and OpenCC's own standard). Run it again after upgrading jieba or OpenCC.
"""

from collections import Counter
from pathlib import Path

import jieba
from opencc import OpenCC

TOP = 5000
OUT = Path(__file__).resolve().parent.parent / "resources" / "text" / "common_hanzi.txt"


def main() -> None:
    weights: Counter[str] = Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, frequency, *_ = line.split(" ")
        for character in word:
            if "\u4e00" <= character <= "\u9fff":
                weights[character] += int(frequency)
    simplified = "".join(character for character, _ in weights.most_common(TOP))
    characters = set(simplified)
    for config in ("s2t", "s2tw", "s2hk"):
        characters.update(OpenCC(config).convert(simplified))
    body = "".join(sorted(characters))
    lines = [body[i : i + 80] for i in range(0, len(body), 80)]
    header = "# Common Han characters, both scripts; made by scripts/make_common_hanzi.py\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(characters)} characters -> {OUT}")


if __name__ == "__main__":
    main()
