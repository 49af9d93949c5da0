//! The cues' tests: which statuses a sentence's words report.

use super::*;

#[test]
fn counts_of_countries_speak_of_the_world() {
    assert!(worldwide("中共在21国设立上百个警务服务站"));
    assert!(worldwide("已经在21个国家的25个城市设立了30个"));
    assert!(worldwide("in 53 countries"));
    assert!(!worldwide("中国一贯严格遵守国际法,尊重各国司法主权,不存在所谓的秘密警察站"));
    assert!(!worldwide("中国在荷兰设有两个站点"));
}

#[test]
fn a_newsroom_s_report_says_no_station_is_there() {
    assert!(only_news("报道指,他是2021年流亡至荷兰阿姆斯特丹的异议人士"));
    assert!(only_news("rtl nieuws reported last week"));
    assert!(!only_news("据报道,中方在鹿特丹设立了服务站"));
    assert!(!only_news("it was reported that an office was set up in rotterdam"));
}

#[test]
fn specific_statuses_stand_over_general_ones() {
    // Each status once (a status's later cues are read again by the steps, clause by clause).
    let only = |lower: &str| {
        let mut found: Vec<S> = Vec::new();
        for (s, _) in statuses(lower, lower) {
            if !found.contains(&s) {
                found.push(s);
            }
        }
        found
    };
    assert_eq!(
        statuses(
            "去年秋季于大多伦多地区展开调查,本年3月中旬,骑警亦正调查于温哥华运作的站点",
            "去年秋季于大多伦多地区展开调查,本年3月中旬,骑警亦正调查于温哥华运作的站点"
        ),
        [(S::UnderInvestigation, 13), (S::UnderInvestigation, 27)],
        "a status at its first cue, then at its later ones"
    );
    assert_eq!(only("he pleaded guilty to charges"), [S::GuiltyPlea]);
    assert_eq!(only("the station must be closed immediately"), [S::ClosureOrdered]);
    assert_eq!(only("such stations are unacceptable and must not operate in any form"), [S::ClosureOrdered]);
    // An inquiry ended in the words of its own clause, or in the British police's.
    assert_eq!(
        only("a police investigation into 'secret chinese police stations' in london has now concluded"),
        [S::InvestigationClosed]
    );
    assert_eq!(only("the police said no further action will be taken"), [S::InvestigationClosed]);
    assert!(!only("the investigation, which began in may. the report has concluded").contains(&S::InvestigationClosed));
    assert_eq!(
        statuses("the station closed last fall amid an fbi investigation", ""),
        [(S::Closed, 12), (S::UnderInvestigation, 41)]
    );
    assert_eq!(only("发言人称，不存在所谓的中方“海外警察站”"), [S::Denied]);
    assert_eq!(only("rtl nieuws and follow the money reported last week"), [S::Reported]);
    assert_eq!(
        only("it was reported that there were stations in toronto, but the rcmp denied it"),
        [S::Denied, S::Reported]
    );
    assert_eq!(only("将实控人移交至首尔东部地方检察厅"), [S::ReferredToProsecutors]);
    assert_eq!(only("it was reported that the station was raided"), [S::SearchedByPolice]);
    assert_eq!(only("an investigation did not reveal any illegal activity"), [S::NoEvidenceFound]);
    assert_eq!(only("the contact point is not active and was closed"), [S::ReportedClosed]);
    assert_eq!(only("该餐厅被怀疑是中国在韩所设秘密警察站"), [S::Reported]);
    // A station opened or launched is there; an investigation opened is an investigation.
    assert_eq!(only("警务服务站在2022年2月15日正式启动"), [S::Reported]);
    // Session 25's eighth batch.
    assert_eq!(
        only("ireland and the netherlands have directed that these police stations be closed"),
        [S::ClosureOrdered]
    );
    assert_eq!(only("both ireland and the netherlands ordered closures"), [S::ClosureOrdered]);
    assert_eq!(
        only("the rcmp had no information to say that those centres were police stations"),
        [S::NoEvidenceFound]
    );
    assert_eq!(only("除了捣毁这个中共秘密警察站外"), [S::Closed]);
    assert_eq!(only("the station opened in 2018"), [S::Reported]);
    assert_eq!(only("police opened an investigation into the station"), [S::UnderInvestigation]);
    // A rights group's investigation is its report.
    assert_eq!(only("「保护卫士」组织已经对西班牙的“服务站”进行了调查"), [S::Reported]);
    assert_eq!(only("police opened an investigation after safeguard defenders' report"), [S::UnderInvestigation]);
    assert!(only("荷兰媒体rtl新闻和调查新闻平台分享了他的故事").is_empty());
    assert!(only("记录传播在中国国内受到言论审查的事件").is_empty());
    assert!(only("『特派记者』调查了中共警察在法国追踪国民的情况").is_empty());
    assert!(only("我想我会被逮捕并遣送回中国").is_empty());
    assert!(only("there have been no arrests made in relation to this activity").is_empty());
    assert_eq!(only("the fbi detained two men in new york"), [S::Arrested]);
    assert_eq!(only("the two men now face charges of conspiring"), [S::ChargesFiled]);
    assert_eq!(only("they have not, to date, identified any evidence of illegal activity"), [S::NoEvidenceFound]);
    assert_eq!(only("the so-called police centers you are talking about do not exist"), [S::Denied]);
    assert_eq!(only("爱尔兰、荷兰已经决定关闭其境内的中国警察站"), [S::ClosureOrdered]);
    assert_eq!(only("对两名中国女性实施了抓捕"), [S::Arrested]);
    // Refusing to plead guilty denies the charge; a lie and a witch hunt are denials too.
    assert_eq!(only("卢建旺拒绝认罪,案件计划在明年春季召开陪审团庭审"), [S::Denied]);
    assert_eq!(only("所谓“海外警察站”是彻头彻尾的政治谎言"), [S::Denied]);
    assert_eq!(only("同案被告则不认罪,正在候审"), [S::Denied]);
    assert_eq!(only("海门市公安局在林西村设立了“警侨服务室”"), [S::Reported]);
    assert!(only("骑警自3月9日以来设立了电话举报专线").is_empty(), "a hotline is no station");
    assert!(only("中国执法机构在它不知情或未批准的情况下设立站点").iter().all(|s| *s != S::Denied));
    assert_eq!(only("china rejects u.s. claims of 'chinese overseas police stations'"), [S::Denied]);
    assert!(only("the court rejected his appeal").is_empty());
    assert!(only("警方也继续调查,但至今未有起诉任何人").iter().all(|s| *s != S::ChargesFiled));
    assert!(only("在无法提出刑事检控时,与其他机构合作").is_empty());
    assert_eq!(
        only("china on friday pushed back on claims it was operating 'police stations' on u.s. soil"),
        [S::Denied]
    );
    // Allegations report stations; what a denial denies does not.
    assert_eq!(only("the chinese government has been accused of establishing similar facilities"), [S::Reported]);
    assert_eq!(only("unofficial chinese police stations have been operating here for a long time"), [S::Reported]);
    assert_eq!(only("china denied that it was operating police stations"), [S::Denied]);
    // Synonyms a careful reader takes as the same step.
    assert_eq!(only("two men were taken into custody in new york"), [S::Arrested]);
    assert_eq!(only("he was jailed for four years"), [S::Convicted]);
    assert_eq!(only("法院判处他有期徒刑"), [S::Convicted]);
    assert_eq!(only("the offices are under scrutiny by dutch police"), [S::UnderInvestigation]);
    assert_eq!(only("警方已立案追查"), [S::UnderInvestigation]);
    assert_eq!(only("the embassy called the claims politically motivated nonsense"), [S::Denied]);
    assert_eq!(only("he uncovered a global network of chinese police stations"), [S::Reported]);
    assert!(only("china has yet to shut down its stations in germany").is_empty());
    // Lawmakers ask for a closure; they order none.
    assert!(only("有荷兰执政党议员要求政府立即关闭这些非法组织").is_empty());
    assert_eq!(only("the government demanded the closure of the station"), [S::ClosureOrdered]);
    assert_eq!(only("people in the camps demanded the closure of the station"), [S::ClosureOrdered]);
    assert!(statuses("the weather was fine", "").is_empty());
    // A step the clause denies happened is none.
    assert_eq!(only("the rcmp has shut down the activity, but hasn't said whether anyone was arrested"), [S::Closed]);
    assert_eq!(only("rcmp宣布已结束调查,并且不会提出起诉"), [S::InvestigationClosed]);
    assert_eq!(only("two men were not charged until friday; one was arrested"), [S::Arrested]);
    // A wish or a supposition is no step.
    assert!(only("mps from coalition parties want them closed immediately").is_empty());
    assert!(only("we would have sued the president").is_empty());
    assert!(only("目前尚不清楚该电台究竟何时或在何种情况下关闭").is_empty());
    assert_eq!(only("荷兰政府要求关闭该站"), [S::ClosureOrdered]);
    // Cues in two words, within one clause.
    assert_eq!(only("last month, the netherlands ordered china to close two of its stations"), [S::ClosureOrdered]);
    assert_eq!(only("荷兰和爱尔兰分别对2处和1处中国秘密警察局下达了关闭命令"), [S::ClosureOrdered]);
    assert_eq!(
        only("加拿大皇家骑警宣布,已结束对魁北克省蒙特利尔地区两处所谓“中国秘密警察站”的调查"),
        [S::InvestigationClosed]
    );
    assert_eq!(only("the rcmp ended, after two years, its investigation"), [S::UnderInvestigation]);
    assert_eq!(only("日本警视厅公安部以诈欺罪嫌将两名女子函送法办"), [S::ReferredToProsecutors]);
    assert_eq!(only("two organizations are suing the rcmp for defamation"), [S::LawsuitFiled]);
    // Words of an inquiry, of its end and of what it found; denials by "ruled out".
    assert_eq!(only("the inquiry aims at acquiring evidence"), [S::UnderInvestigation]);
    assert_eq!(only("police are continuing to assess all information"), [S::UnderInvestigation]);
    assert_eq!(only("with the investigation completed and no charges laid"), [S::InvestigationClosed]);
    assert_eq!(only("he said no crimes or offences have been identified"), [S::NoEvidenceFound]);
    assert_eq!(only("the embassy ruled out the existence of a police station"), [S::Denied]);
    assert_eq!(only("a manager said: there are no secret police here"), [S::Denied]);
    assert_eq!(only("该警察站已于2022年秋天关闭"), [S::Closed]);
    assert_eq!(only("这项长达两年的调查已“近期”结束"), [S::InvestigationClosed]);
    assert_eq!(only("实控人强调从未向反华人士施压"), [S::Denied]);
    assert_eq!(only("agents executed a search warrant at the office"), [S::SearchedByPolice]);
    assert_eq!(only("the office was shuttered last year"), [S::Closed]);
    assert_eq!(only("the embassy refuted the claims"), [S::Denied]);
    assert_eq!(only("chinese embassy dismisses existence of secret police station"), [S::Denied]);
    assert_eq!(only("reports spark controversy, denial in hungary"), [S::Denied]);
    assert_eq!(only("he was sentenced to five years"), [S::Convicted]);
    assert_eq!(only("my floating restaurant is not a secret chinese police station"), [S::Denied]);
    assert_eq!(only("prosecutors decided not to indict two women"), [S::InvestigationClosed]);
    assert_eq!(only("they so far had no indications such facilities existed"), [S::NoEvidenceFound]);
    // A cue is a word, not a piece of one.
    assert!(statuses("the documents disclosed were issued and discharged", "").is_empty());
    // A "police office" (警察署) is a station's word.
    assert!(about_stations("济州某侨团所在地疑为中国“秘密警察署”"));
    assert_eq!(only("被控罪名包括阴谋充当中国特工"), [S::ChargesFiled]);
    assert_eq!(only("美国纽约市侨领被控在曼哈顿唐人街运作中国秘密警察站"), [S::ChargesFiled]);
    assert!(only("该站被控制在中国公安手中").is_empty(), "被控制 is controlled, not charged");
    assert_eq!(only("二人被纽约东区联邦检察官指控涉嫌充当中国代理人"), [S::ChargesFiled]);
    assert!(about_stations("福州公安局的「警侨事务海外服务点」设在曼哈顿"));
    assert_eq!(only("我领馆对此予以驳斥"), [S::Denied]);
    assert_eq!(only("未在以上地点找到中国在当地进行非法活动证据"), [S::NoEvidenceFound]);
    assert_eq!(only("dutch foreign minister has ordered the shut down of the offices"), [S::ClosureOrdered]);
    // Closed at the host's request (应英方要求) is a closure, not an order; 查无不法 found nothing.
    assert_eq!(only("中方已应英方要求关闭警察站"), [S::Closed]);
    assert_eq!(only("英国要求中方关闭警察站"), [S::ClosureOrdered]);
    assert_eq!(only("英国警方至今在相关地点查无不法"), [S::NoEvidenceFound]);
    assert_eq!(only("after fbi bust 'illegal police station' in manhattan"), [S::SearchedByPolice]);
    // A cue inside a body's name is none; a referral's office is a body.
    assert!(statuses("agents of the federal bureau of                 said", "").is_empty());
    assert_eq!(
        statuses("将实控人移交至                ", "将实控人移交至首尔东部地方检察厅"),
        [(S::ReferredToProsecutors, 4)]
    );
}

#[test]
fn a_protest_against_a_regime_is_no_denial() {
    let s = "a dissident who had protested against the ccp's regime faced threats";
    assert!(statuses(s, s).is_empty());
    let s = "the embassy protested the report";
    assert_eq!(statuses(s, s), [(S::Denied, 12)]);
    let s = "the embassy protested against the report";
    assert_eq!(statuses(s, s), [(S::Denied, 12)], "an embassy's protest against a report denies it");
}
