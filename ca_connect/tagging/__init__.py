"""How an article is tagged: matcher.py finds dictionary phrases in a text (how words are
matched), discovery.py finds organisations the dictionary lacks, tagger.py turns an Article
into a TaggedArticle with its mentions (`tag`, `tagger_for`)."""
