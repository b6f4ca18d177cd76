"""Site-wide search (全网信息检索): one index that every pillar writes its public content into."""
