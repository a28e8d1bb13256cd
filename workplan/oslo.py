"""Oslo Action Plan 2020-2024, section VII (international cooperation and assistance): actions #42-#47.

Short English summaries for lists and forms; the ISU can edit them and add other actions.
"""

COOPERATION_ACTIONS = {
    42: (
        "Resource mobilisation plans and making needs known, including through Article 7 reports "
        "and the individualised approach",
        "Plans de mobilisation des ressources et communication des besoins, y compris dans les rapports "
        "au titre de l'article 7 et par la procédure individualisée",
        "Planes de movilización de recursos y difusión de las necesidades, incluso en los informes del "
        "artículo 7 y mediante el enfoque individualizado",
    ),
    43: (
        "Assistance from States Parties in a position to provide it",
        "Assistance fournie par les États parties qui sont en mesure de le faire",
        "Asistencia de los Estados Partes en condiciones de prestarla",
    ),
    44: (
        "National mine action platforms and regular dialogue with stakeholders",
        "Plateformes nationales de lutte antimines et dialogue régulier avec les parties prenantes",
        "Plataformas nacionales de acción contra las minas y diálogo periódico con las partes interesadas",
    ),
    45: (
        "Gender and the diverse needs of affected communities in cooperation and assistance",
        "Le genre et la diversité des besoins des communautés touchées dans la coopération et l'assistance",
        "El género y las diversas necesidades de las comunidades afectadas en la cooperación y la asistencia",
    ),
    46: (
        "Partnerships, South-South, regional and bilateral cooperation and exchange of good practices",
        "Partenariats, coopération Sud-Sud, régionale et bilatérale et échange de bonnes pratiques",
        "Alianzas, cooperación Sur-Sur, regional y bilateral e intercambio de buenas prácticas",
    ),
    47: (
        "Coordination of assistance and reporting on cooperation and assistance, including gender and diversity",
        "Coordination de l'assistance et information sur la coopération et l'assistance, y compris le "
        "genre et la diversité",
        "Coordinación de la asistencia e información sobre cooperación y asistencia, incluidos el género "
        "y la diversidad",
    ),
}
