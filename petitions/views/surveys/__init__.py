"""在线调查 pages, by side: the public list, questionnaire and results; the staff's builder,
preview, publishing, results, export and the moderation of free text."""
